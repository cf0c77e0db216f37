import DigestCore
@testable import DigestMarkup
import Foundation
import Testing

/// `NodeMap`, the speed trick that keeps a table of a document's elements in an array: it
/// answers as a `Dictionary` keyed by the same nodes does, whatever is stored and asked, for
/// elements, text nodes and the nodes of another document alike.
struct NodeMapTests {
    /// Every node of the document, elements and text, in document order.
    static func nodes(_ doc: MarkupDocument) -> [MarkupNode] {
        var out: [MarkupNode] = []
        func walk(_ n: MarkupNode) {
            out.append(n)
            n.forEachChildNode(walk)
        }
        if let root = doc.root { walk(root) }
        return out
    }

    static func page(_ rng: inout SplitMix) -> String {
        let tags = ["div", "p", "span", "ul", "li", "a", "section"]
        func block(_ depth: Int) -> String {
            let tag = tags.randomElement(using: &rng)!
            let inner = depth > 3 ? "text" : (0..<Int.random(in: 0...4, using: &rng)).map { _ in block(depth + 1) }.joined(separator: " words ")
            return "<\(tag)>\(inner)</\(tag)>"
        }
        return "<html><body>" + (0..<Int.random(in: 1...6, using: &rng)).map { _ in block(0) }.joined() + "</body></html>"
    }

    @Test func answersAsADictionaryDoes() throws {
        var rng = SplitMix(seed: 19)
        for _ in 0..<200 {
            let doc = try #require(MarkupDocument.html(Data(Self.page(&rng).utf8)))
            let other = try #require(MarkupDocument.html(Data(Self.page(&rng).utf8)))
            let nodes = Self.nodes(doc) + Self.nodes(other)  // another document's nodes are keys too
            var map = NodeMap<Int>(doc)
            _ = NodeMap<Int>(other)  // its elements numbered too: the same numbers, in another document
            var plain: [MarkupNode: Int] = [:]
            for step in 0..<300 {
                let n = nodes.randomElement(using: &rng)!
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: map[n] = step; plain[n] = step
                case 1: map[n] = nil; plain[n] = nil
                case 2: map[n, default: 0] += 1; plain[n, default: 0] += 1
                default: #expect(map[n] == plain[n])
                }
            }
            for n in nodes { #expect(map[n] == plain[n]) }
            // A second map of the same document starts empty and numbers nothing again.
            let second = NodeMap<Int>(doc)
            #expect(nodes.allSatisfy { second[$0] == nil })
        }
    }

    @Test func aDocumentWithoutElementsGivesAnEmptyMap() throws {
        let doc = try #require(MarkupDocument.htmlFragment("text only"))
        var map = NodeMap<String>(doc)
        let body = try #require(doc.body)
        map[body] = "body"
        #expect(map[body] == "body")
    }
}
