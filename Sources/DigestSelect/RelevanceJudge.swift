import DigestCore

/// Grades a feed item core, adjacent or off from its title, lead and extracted metrics, by the
/// cues of `RelevanceLexicon` — deterministic, and every verdict says which cues decided it:
///
/// 1. "Tokens" that are not LLM tokens (crypto coins, OAuth and JWT tokens) make it off.
/// 2. A roundup (8点1氪, 氪星晚报, "Plus …" newsletters) is judged by the stories in its title:
///    adjacent when most are AI stories, else off; never core.
/// 3. Core: a token metric (volume, price, change of those); a token word with usage, spend,
///    price or ranking words; API prices or price changes of models; inference costs; inference
///    providers and routers; coding plans and usage limits.
/// 4. Adjacent: AI named in the title (a model, lab, product, chip, "AI"…) more than another
///    section's subject (cars, stocks, sports…), or strongly in the lead; else off.
public struct RelevanceJudge: Sendable {
    /// The cues in effect.
    public let lexicon: RelevanceLexicon

    /// A judge with the bundled cues, or a user's.
    public init(lexicon: RelevanceLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// The verdict on one item; `metrics` are those found in its title and lead.
    public func judge(title: String, lead: String, metrics: [TokenMetric] = []) -> RelevanceJudgement {
        let t = CueText(title), all = CueText(title + " \n " + lead), leadText = CueText(lead)
        if let hit = all.hits(lexicon.crypto).first {
            return RelevanceJudgement(label: .off, score: 0.05, why: "crypto token (\(hit))")
        }
        if let hit = all.hits(lexicon.auth).first, all.hits(lexicon.core.tokenWords).isEmpty || !t.hits(lexicon.auth).isEmpty {
            return RelevanceJudgement(label: .off, score: 0.05, why: "auth token (\(hit))")
        }
        if let roundup = roundup(title: t, lead: leadText, titleString: title) { return roundup }
        let core = coreCues(t: t, all: all, metrics: metrics)
        if !core.isEmpty {
            return RelevanceJudgement(label: .core, score: min(1, 0.75 + 0.05 * Double(core.count)),
                                      why: "token market: " + core.prefix(3).joined(separator: ", "))
        }
        if let hit = t.hits(lexicon.market).first {
            return RelevanceJudgement(label: .off, score: 0.1, why: "market wrap (\(hit))")
        }
        return aiOrOff(t: t, lead: leadText)
    }

    /// The token-market cues found, strongest first.
    func coreCues(t: CueText, all: CueText, metrics: [TokenMetric]) -> [String] {
        var cues: [String] = []
        let tokenMetrics = metrics.filter { [.tokenVolume, .tokenPrice].contains($0.quantity) }
        if let m = tokenMetrics.first { cues.append("\(m.quantity.rawValue.replacingOccurrences(of: "_", with: " ")) \(m.text)") }
        let c = lexicon.core
        let tokens = all.hits(c.tokenWords)
        if let w = tokens.first, let ctx = all.hits(c.tokenContext).first { cues.append("\(w) + \(ctx)") }
        let prices = all.hits(c.priceWords)
        // A price of a model or an API (not of GPUs, chips or data centres: those are compute).
        if let p = prices.first, let api = all.hits(c.apiWords).first ?? (t.hits(lexicon.ai.strong).first) {
            cues.append("\(p) + \(api)")
        }
        if let i = all.hits(c.inferenceWords).first { cues.append(i) }
        if let r = all.hits(c.routers).first, let why = all.hits(c.routerContext).first { cues.append("\(r) + \(why)") }
        if let p = all.hits(c.plans).first, !all.hits(lexicon.ai.strong).isEmpty { cues.append(p) }
        return cues
    }

    /// Adjacent when AI is what the item is about, else off.
    func aiOrOff(t: CueText, lead: CueText) -> RelevanceJudgement {
        let strongT = t.hits(lexicon.ai.strong + lexicon.ai.compute), weakT = t.hits(lexicon.ai.weak)
        let strongL = lead.hits(lexicon.ai.strong + lexicon.ai.compute), weakL = lead.hits(lexicon.ai.weak)
        let offT = t.hits(lexicon.off), offL = lead.hits(lexicon.off)
        let ai = 2.0 * Double(strongT.count) + Double(strongL.count) + 1.0 * Double(weakT.count) + 0.5 * Double(weakL.count)
        let other = 2.0 * Double(offT.count) + Double(offL.count)
        let cues = Self.distinct(strongT + weakT + strongL).prefix(3).joined(separator: ", ")
        if ai >= 2, ai > other, !(strongT.isEmpty && weakT.isEmpty && strongL.count < 2) {
            return RelevanceJudgement(label: .adjacent, score: min(0.69, 0.45 + 0.04 * ai),
                                      why: "AI without a token-market angle: \(cues)")
        }
        let why = other > 0 ? "another subject: " + Self.distinct(offT + offL).prefix(3).joined(separator: ", ")
            : ai > 0 ? "AI only in passing: \(cues)" : "no AI or token-market subject"
        return RelevanceJudgement(label: .off, score: max(0, min(0.35, 0.1 * ai)), why: why)
    }

    /// Whether an item is a roundup of several stories (its title names one, 8点1氪, 氪星晚报, or its
    /// lead opens like one).
    public func isRoundup(title: String, lead: String) -> Bool {
        roundupMarker(title: CueText(title), lead: CueText(lead)) != nil
    }

    func roundupMarker(title t: CueText, lead: CueText) -> String? {
        t.hits(lexicon.roundup).first ?? lexicon.roundupLeads.first { lead.starts(with: $0) }
    }

    /// A roundup's verdict by the stories in its title, nil when the item is no roundup.
    func roundup(title t: CueText, lead: CueText, titleString: String) -> RelevanceJudgement? {
        guard let marker = roundupMarker(title: t, lead: lead) else { return nil }
        // Each headline judged on its own: a token-market story, or most stories about AI, make the
        // roundup worth a place (never core: its stories become cards of their own).
        let stories = Roundup.headlines(titleString)
        let verdicts = stories.map { judgeHeadline($0) }
        if let core = zip(stories, verdicts).first(where: { $0.1 == .core }) {
            return RelevanceJudgement(label: .adjacent, score: 0.5, why: "roundup (\(marker)) with a token-market story: \(core.0)")
        }
        let aiStories = verdicts.filter { $0 == .adjacent }.count
        if aiStories * 2 >= stories.count, aiStories > 0 {
            return RelevanceJudgement(label: .adjacent, score: 0.45, why: "roundup (\(marker)) mostly of AI stories: \(aiStories) of \(stories.count)")
        }
        let aiStories0 = aiStories
        return RelevanceJudgement(label: .off, score: 0.1, why: "roundup (\(marker)) of other stories: \(aiStories0) of \(stories.count) about AI")
    }

    /// A roundup's headline on its own: core, adjacent (it names AI: a model, lab, product or
    /// "AI" as a word; a chip maker's production news is no AI story here) or off.
    func judgeHeadline(_ headline: String) -> Relevance {
        let c = CueText(headline)
        if !coreCues(t: c, all: c, metrics: []).isEmpty { return .core }
        let ai = c.hits(lexicon.ai.strong) + c.hits(["ai"])
        return ai.isEmpty || !c.hits(lexicon.market).isEmpty ? .off : .adjacent
    }

    /// Cue words once each, first occurrence first.
    static func distinct(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }
}
