import DigestBytes
import DigestCore
import DigestMarkup
import Foundation

/// Readability-style scoring: paragraphs give their parent (and half to the grandparent)
/// points for text length and commas (full-width too); class/id hints add or subtract;
/// link-dense blocks lose. The best block wins.
struct ContentScorer {
    let doc: MarkupDocument
    /// Roots of subtrees that are never content (nav, footer, aside, form, header, script …),
    /// found once so each paragraph's ancestor walk is a set lookup per level.
    let unlikelyRoots: Set<MarkupNode>
    /// Class weights already worked out: every paragraph's ancestor walk asks about the same wrappers.
    let weights = WeightCache()

    final class WeightCache {
        var byNode: [MarkupNode: ClassHints] = [:]
        var lengths: LengthIndex?
        var insideUnlikely: [MarkupNode: Bool] = [:]
    }

    init(doc: MarkupDocument) {
        self.doc = doc
        var roots = Set<MarkupNode>()  // one walk, not one XPath search per tag
        if let root = doc.root {
            if Self.unlikelyTags.contains(root.name) { roots.insert(root) }
            root.forEachDescendantElement { if Self.unlikelyTags.contains($0.name) { roots.insert($0) } }
        }
        unlikelyRoots = roots
    }

    static let unlikelyTags: Set<String> = ["nav", "footer", "aside", "form", "header", "script", "style", "noscript"]
    static let clutterTags = ["nav", "aside", "form", "footer", "button"]
    static let blockTags = ["div", "ul", "ol", "section", "table", "p"]
    /// Wrappers whose class words say nothing about the paragraphs inside.
    static let pageTags = ["body", "html", "article", "main"]

    /// The main content: the best-scoring block and the siblings that belong with it
    /// (Readability's rule: a sibling scoring at least a fifth of the best, or a paragraph of
    /// prose with few links).
    func mainNodes(in body: MarkupNode) -> [MarkupNode] {
        let (best, scores) = best(in: body)
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
            let bonus = classWeight(sibling) > 0 ? topScore * 0.2 : 0
            if let s = scores[sibling], s * (1 - linkDensity(sibling)) + bonus >= threshold {
                out.append(sibling)
            } else if sibling.isNamed("p") {
                let text = HTMLText.collapse(sibling.textContent)
                let density = linkDensity(sibling)
                if text.scalarCount > 80 && density < 0.25 { out.append(sibling) } else if text.count > 0, density == 0,
                    text.hasSuffix(".") || text.hasSuffix("。") { out.append(sibling) }
            }
        }
        return out
    }

    func best(in body: MarkupNode) -> (MarkupNode?, [MarkupNode: Double]) {
        var scores: [MarkupNode: Double] = [:]
        let paragraphs = candidates(in: body)
        for p in paragraphs {
            if hasUnlikelyAncestor(p) { continue }
            let stats = textStats(p)  // read from libxml2's bytes: no text is built
            let length = stats.collapsedLength  // characters, near enough, without grapheme breaking
            if length < 20 { continue }
            let commas = stats.commas
            let score = 1 + Double(commas) + min(Double(length) / 100, 3)
            if let parent = p.parent {
                scores[parent, default: classWeight(parent)] += score
                if let grand = parent.parent { scores[grand, default: classWeight(grand)] += score / 2 }
            }
        }
        var best: (MarkupNode, Double)?
        var adjustedScores: [MarkupNode: Double] = [:]
        for (node, score) in scores {
            let adjusted = score * (1 - linkDensity(node))
            adjustedScores[node] = adjusted
            // The page itself is never "the article" while any block inside it scored.
            if node.isNamed("body") || node.isNamed("html"), scores.count > 1 { continue }
            // Ties go to the node earlier in the document, so the choice never depends on hashing.
            if best == nil || adjusted > best!.1 || (adjusted == best!.1 && node.precedes(best!.0)) { best = (node, adjusted) }
        }
        return (best?.0, adjustedScores)
    }

    /// Clutter inside the chosen content: navigation, forms and asides, blocks whose class or id
    /// says share/related/comment/ad…, and short link lists — left out of the article's text.
    func isClutter(_ n: MarkupNode) -> Bool {
        guard n.isElement else { return false }
        if Self.clutterTags.contains(where: n.isNamed) { return true }
        let hints = classHints(n)
        if hints.weight < 0 || hints.onlyClutter { return true }
        guard Self.blockTags.contains(where: n.isNamed) else { return false }
        guard textStats(n).collapsedLength > 0 else { return false }
        return linkDensity(n) > 0.5
    }

    /// The clutter blocks under `root`, each decided once (nothing inside a clutter block is
    /// looked at again).
    func clutter(in root: MarkupNode) -> Set<MarkupNode> {
        var out = Set<MarkupNode>()
        func visit(_ n: MarkupNode) {
            for c in n.children {
                if isClutter(c) { out.insert(c) } else { visit(c) }
            }
        }
        visit(root)
        return out
    }

    /// Inside nav/footer/aside/form/header, or within three levels of a block whose class or id
    /// says it is navigation, comments, sharing… (higher wrappers often carry such words for layout).
    func hasUnlikelyAncestor(_ n: MarkupNode) -> Bool {
        var c: MarkupNode? = n
        var depth = 0
        while let x = c, depth < 3 {
            if unlikelyRoots.contains(x) { return true }
            if !Self.pageTags.contains(where: x.isNamed), classWeight(x) < 0 { return true }
            c = x.parent
            depth += 1
        }
        return c.map(isInsideUnlikelyRoot) ?? false
    }

    /// The node or an ancestor is nav/footer/aside/form/header…; remembered per node, since
    /// every paragraph asks about the same ancestors.
    func isInsideUnlikelyRoot(_ n: MarkupNode) -> Bool {
        if let known = weights.insideUnlikely[n] { return known }
        let inside = unlikelyRoots.contains(n) || (n.parent.map(isInsideUnlikelyRoot) ?? false)
        weights.insideUnlikely[n] = inside
        return inside
    }

    /// The figures of the length index, built over the body on first use.
    func lengths(_ n: MarkupNode) -> LengthIndex.Lengths? {
        if weights.lengths == nil, let body = doc.body { weights.lengths = LengthIndex(root: body) }
        return weights.lengths?.byNode[n]
    }

    /// A block's text figures: from the index, or read from its text when it lies outside.
    func textStats(_ n: MarkupNode) -> TextStats { lengths(n)?.text ?? TextStats(n) }

    /// Share of the text inside links; `textLength` when the caller already has the text.
    func linkDensity(_ n: MarkupNode, textLength: Int? = nil) -> Double {
        let known = lengths(n)
        let total = Double(textLength ?? known?.raw ?? TextStats(n).rawLength)
        guard total > 0 else { return 0 }
        let links = known?.links ?? linkTextLength(n)
        return min(1, Double(links) / total)
    }
}
