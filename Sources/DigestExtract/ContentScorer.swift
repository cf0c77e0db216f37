import DigestBytes
import DigestCore
import DigestMarkup
import Foundation

/// Readability-style scoring: paragraphs give their parent (and half to the grandparent)
/// points for text length and commas (full-width too); class/id hints add or subtract;
/// link-dense blocks lose. The best block wins.
struct ContentScorer {
    /// Readability's flags, dropped one at a time when a pass finds too little text.
    struct Pass: OptionSet, Sendable {
        let rawValue: Int
        /// Paragraphs under a block whose class or id says nav, comments, sidebar… are not scored.
        static let stripUnlikely = Pass(rawValue: 1)
        /// Class and id words add or subtract 25.
        static let weightClasses = Pass(rawValue: 2)
        /// Link-dense blocks and blocks with clutter words are left out of the chosen content.
        static let cleanConditionally = Pass(rawValue: 4)
        /// The passes in order: all flags, then without each in turn.
        static let sequence: [Pass] = [[.stripUnlikely, .weightClasses, .cleanConditionally],
                                       [.weightClasses, .cleanConditionally], [.cleanConditionally], []]
    }

    let doc: MarkupDocument
    /// The flags of this pass.
    let pass: Pass
    /// Roots of subtrees that are never content (nav, footer, aside, form, header, script …),
    /// found once so each paragraph's ancestor walk is a set lookup per level.
    let unlikelyRoots: Set<MarkupNode>
    /// What every pass over the same page reuses: class hints, the length index, the tag roots.
    let page: PageFacts
    /// Per pass: which nodes lie inside an unlikely root, and the best block found.
    let weights: WeightCache

    /// Facts of one page that do not depend on the pass.
    final class PageFacts {
        var byNode: NodeMap<ClassHints>
        /// Blocks known to open (true) or not (false) with a comments or aside heading.
        var headed: NodeMap<Bool>
        /// Text figures of every block of the body.
        let lengths: LengthIndex?
        /// nav, footer, aside, header, script… and forms that do not wrap the page.
        let tagRoots: Set<MarkupNode>

        init(doc: MarkupDocument) {
            byNode = NodeMap(doc)
            headed = NodeMap(doc)
            var roots = Set<MarkupNode>()  // one walk, not one XPath search per tag
            if let root = doc.root {
                if ContentScorer.unlikelyTags.contains(root) { roots.insert(root) }
                root.forEachDescendantElement { if ContentScorer.unlikelyTags.contains($0) { roots.insert($0) } }
            }
            let lengths = doc.body.map(LengthIndex.init)
            self.lengths = lengths
            // A form around most of the page (ASP.NET, portals) is the page, not a form.
            if let body = doc.body, roots.contains(where: { $0.isNamed("form") }) {
                let total = max(1, LengthIndex.text(of: body, in: lengths).collapsedLength)
                for f in roots where f.isNamed("form") && LengthIndex.text(of: f, in: lengths).collapsedLength * 2 > total {
                    roots.remove(f)
                }
            }
            tagRoots = roots
        }
    }

    final class WeightCache {
        var insideUnlikely: NodeMap<Bool>
        /// Blocks known to be (true) or not (false) unlikely candidates themselves.
        var unlikely: NodeMap<Bool>
        init(_ doc: MarkupDocument) {
            insideUnlikely = NodeMap(doc)
            unlikely = NodeMap(doc)
        }
        /// The best-scoring block of the last `mainNodes`.
        var best: MarkupNode?
    }

    /// `excluded`: blocks found to be no article on an earlier try (their text was all clutter);
    /// `page`: the facts of an earlier pass over the same page.
    init(doc: MarkupDocument, pass: Pass = Pass.sequence[0], excluded: Set<MarkupNode> = [], page: PageFacts? = nil) {
        self.doc = doc
        self.pass = pass
        self.page = page ?? PageFacts(doc: doc)
        unlikelyRoots = self.page.tagRoots.union(excluded)
        weights = WeightCache(doc)
    }

    static let unlikelyTags = ElementNames(["nav", "footer", "aside", "form", "header", "script", "style", "noscript"])
    static let clutterTags = ElementNames(["nav", "aside", "form", "footer", "button", "figcaption"])
    static let blockTags = ElementNames(["div", "ul", "ol", "section", "table", "p", "td"])
    /// Wrappers whose class words say nothing about the paragraphs inside.
    static let pageTags = ElementNames(["body", "html", "article", "main"])

    /// The main content: the best-scoring block and the siblings that belong with it
    /// (Readability's rule: a sibling scoring at least a fifth of the best, or a paragraph of
    /// prose with few links).
    func mainNodes(in body: MarkupNode) -> [MarkupNode] {
        let (best, scores) = best(in: body)
        weights.best = best
        guard let best else { return [body] }
        let top = Self.climb(from: Self.sharedAncestor(of: best, scores: scores) ?? best, scores: scores)
        guard let parent = top.parent else { return [top] }
        if let split = splitBlocks(of: top) { return split }
        let topScore = scores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        var out: [MarkupNode] = []
        for sibling in parent.children {
            if sibling == top {
                out.append(sibling)
                continue
            }
            if hasUnlikelyAncestor(sibling) { continue }
            let bonus = Self.sameClass(sibling, top) ? topScore * 0.2 : 0
            if let s = scores[sibling], s * (1 - collapsedLinkDensity(sibling)) + bonus >= threshold {
                out.append(sibling)
            } else if isListInProse(sibling) {
                out.append(sibling)
            } else if sibling.isNamed("p") {
                let text = HTMLText.collapse(sibling.prose)
                let density = linkDensity(sibling)
                if text.scalarCount > 80 && density < 0.25 { out.append(sibling) } else if text.count > 0, density == 0,
                    text.hasSuffix(".") || text.hasSuffix("。") { out.append(sibling) }
            }
        }
        return out
    }

    /// Whether two blocks have the same non-empty class (Readability's sibling bonus: the
    /// article's other parts are usually marked up as the first one is).
    static func sameClass(_ a: MarkupNode, _ b: MarkupNode) -> Bool {
        guard let c = a.attribute("class"), !c.isEmpty else { return false }
        return c == b.attribute("class")
    }

    func best(in body: MarkupNode) -> (MarkupNode?, [MarkupNode: Double]) {
        var scores: [MarkupNode: Double] = [:]
        func add(_ stats: TextStats, to parent: MarkupNode?) {
            let length = stats.collapsedLength  // characters, near enough, without grapheme breaking
            guard length >= 20, let parent else { return }
            let score = 1 + Double(stats.commas) + min(Double(length) / 100, 3)
            scores[parent, default: 0] += score
            if let grand = parent.parent { scores[grand, default: 0] += score / 2 }
        }
        let (paragraphs, mixed) = scanned(body)
        for p in paragraphs where !hasUnlikelyAncestor(p) {
            add(textStats(p), to: p.parent)  // read from libxml2's bytes: no text is built
        }
        // Lines written straight into a block beside other blocks are paragraphs of that block.
        for m in mixed {
            let runs = phrasingRuns(of: m).filter { $0.collapsedLength >= 20 }
            if !runs.isEmpty, !hasUnlikelyAncestor(m) { for run in runs { add(run, to: m) } }
        }
        var best: (MarkupNode, Double)?
        var adjustedScores: [MarkupNode: Double] = [:]
        for (node, text) in scores {
            let score = text + classWeight(node) + articleWeight(node)  // class words weigh ±25
            let adjusted = score * (1 - linkDensity(node))
            adjustedScores[node] = adjusted
            // The page itself is never "the article" while any block inside it scored.
            if node.isNamed("body") || node.isNamed("html"), scores.count > 1 { continue }
            // Ties go to the node earlier in the document, so the choice never depends on hashing.
            if best == nil || adjusted > best!.1 || (adjusted == best!.1 && node.precedes(best!.0)) { best = (node, adjusted) }
        }
        return (best?.0, adjustedScores)
    }

    /// +25 for the HTML5 `<article>` element and a block right inside it without a content word
    /// of its own: the page's markup naming its article, as a class word would.
    func articleWeight(_ n: MarkupNode) -> Double {
        guard pass.contains(.weightClasses), classWeight(n) <= 0 else { return 0 }
        return n.isNamed("article") || n.parent?.isNamed("article") == true ? 25 : 0
    }

    /// Clutter inside the chosen content: navigation, forms and asides, blocks whose class or id
    /// says share/related/comment/ad…, and short link lists — left out of the article's text.
    func isClutter(_ n: MarkupNode) -> Bool {
        guard n.isElement else { return false }
        if Self.clutterTags.contains(n) { return !n.isNamed("form") || unlikelyRoots.contains(n) }
        guard pass.contains(.cleanConditionally) else { return false }
        let hints = classHints(n)
        if hints.weight < 0 || hints.onlyClutter { return true }
        if isRepeatedComment(n) || opensWithCommentsHeading(n) || isBesideHeading(n) { return true }
        guard Self.blockTags.contains(n) else { return false }
        guard textStats(n).collapsedLength > 0, linkDensity(n) > 0.5, !isListInProse(n) else { return false }
        // A paragraph with a sentence of its own text stays, however many words are linked.
        if n.isNamed("p"), textStats(n).rawLength - (lengths(n)?.links ?? linkText(n).raw) >= 100 { return false }
        return true
    }

    /// The clutter blocks under `root`, each decided once (nothing inside a clutter block is
    /// looked at again).
    func clutter(in root: MarkupNode) -> Set<MarkupNode> {
        var out = Set<MarkupNode>()
        let best = weights.best
        func visit(_ n: MarkupNode) {
            for c in n.children {
                // The block around the best-scoring paragraphs is the article's wrapper, whatever
                // its class says (site builders put whole posts in "widget" divs): its parts are
                // looked at instead.
                let wrapsBest = best.map { c == $0 || c.isAncestor(of: $0) } ?? false
                if isClutter(c), !wrapsBest || Self.clutterTags.contains(c) {
                    out.insert(c)
                } else {
                    visit(c)
                }
            }
        }
        visit(root)
        return out
    }


    /// Inside nav/footer/aside/form/header, or within three levels of a block whose class or id
    /// says it is comments, a sidebar, a footer… (higher wrappers often carry such words for layout),
    /// or that opens with a comments heading.
    func hasUnlikelyAncestor(_ n: MarkupNode) -> Bool {
        var c: MarkupNode? = n
        var depth = 0
        while let x = c, depth < 3 {
            if isUnlikely(x) { return true }
            c = x.parent
            depth += 1
        }
        return c.map(isInsideUnlikelyRoot) ?? false
    }

    /// An unlikely root, or (in a pass that strips them) Readability's unlikely candidate: a
    /// block whose class or id says comment, sidebar, footer… or that opens with a comments
    /// heading. Other clutter words ("widget", "meta") only lower a block's score. Remembered
    /// per block, since every paragraph asks about the same ancestors.
    func isUnlikely(_ x: MarkupNode) -> Bool {
        if let known = weights.unlikely[x] { return known }
        let answer = unlikelyRoots.contains(x) || (pass.contains(.stripUnlikely) && !Self.pageTags.contains(x)
            && (classHints(x).onlyClutter || opensWithCommentsHeading(x)))
        weights.unlikely[x] = answer
        return answer
    }

    /// The node or an ancestor is nav/footer/aside/form/header…; remembered per node, since
    /// every paragraph asks about the same ancestors.
    func isInsideUnlikelyRoot(_ n: MarkupNode) -> Bool {
        if let known = weights.insideUnlikely[n] { return known }
        let inside = unlikelyRoots.contains(n) || (n.parent.map(isInsideUnlikelyRoot) ?? false)
        weights.insideUnlikely[n] = inside
        return inside
    }

    /// The figures of the length index (nil outside the body).
    func lengths(_ n: MarkupNode) -> LengthIndex.Lengths? { page.lengths?.byNode[n] }

    /// A block's text figures: from the index, or read from its text when it lies outside.
    func textStats(_ n: MarkupNode) -> TextStats { LengthIndex.text(of: n, in: page.lengths) }

    /// Share of the text inside links; `textLength` when the caller already has the text.
    func linkDensity(_ n: MarkupNode, textLength: Int? = nil) -> Double {
        let known = lengths(n)
        let total = Double(textLength ?? known?.raw ?? TextStats(n).rawLength)
        guard total > 0 else { return 0 }
        let links = known?.links ?? linkText(n).raw
        return min(1, Double(links) / total)
    }

    /// Share of the text inside links with white space collapsed in both, as Readability's inner
    /// text counts it: a template's indentation between the links of a block beside the article
    /// is no text.
    func collapsedLinkDensity(_ n: MarkupNode) -> Double {
        let known = lengths(n)
        let total = Double(known?.text.collapsedLength ?? TextStats(n).collapsedLength)
        guard total > 0 else { return 0 }
        return min(1, Double(known?.collapsedLinks ?? linkText(n).collapsed) / total)
    }
}
