import Foundation
import Yams

/// Typed access to a YAML node that reports mistakes with the node's line and column.
struct YAMLReader {
    let file: String

    func fail(_ node: Node?, _ problem: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line, column: node?.mark?.column, problem: problem)
    }

    /// The pairs of a mapping, rejecting duplicate and unknown keys.
    func mapping(_ node: Node, what: String, allowed: Set<String>) throws -> [String: (key: Node, value: Node)] {
        guard let m = node.mapping else { throw fail(node, "\(what) must be a mapping") }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in m {
            guard let name = k.scalar?.string else { throw fail(k, "keys in \(what) must be strings") }
            if out[name] != nil { throw fail(k, "duplicate key '\(name)' in \(what)") }
            if !allowed.contains(name) {
                let hint = allowed.sorted().joined(separator: ", ")
                throw fail(k, "unknown key '\(name)' in \(what) (known: \(hint))")
            }
            out[name] = (k, v)
        }
        return out
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar, !isNull(node) else { throw fail(node, "'\(key)' must be a string") }
        if s.style == .plain, node.bool != nil || node.int != nil || node.float != nil,
           !["name", "title", "id"].contains(key) {
            // A bare number or boolean where text is expected is almost always a mistake.
            throw fail(node, "'\(key)' must be a string, not '\(s.string)'")
        }
        return s.string
    }

    func nonEmptyString(_ node: Node, _ key: String) throws -> String {
        let s = try string(node, key).trimmingCharacters(in: .whitespaces)
        if s.isEmpty { throw fail(node, "'\(key)' must not be empty") }
        return s
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        guard node.scalar != nil, let b = node.bool else { throw fail(node, "'\(key)' must be true or false") }
        return b
    }

    func int(_ node: Node, _ key: String, range: ClosedRange<Int>) throws -> Int {
        guard node.scalar != nil, let i = node.int else { throw fail(node, "'\(key)' must be a whole number") }
        guard range.contains(i) else {
            throw fail(node, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return i
    }

    func double(_ node: Node, _ key: String) throws -> Double {
        guard node.scalar != nil, let d = node.float ?? node.int.map(Double.init) else {
            throw fail(node, "'\(key)' must be a number")
        }
        return d
    }

    func strings(_ node: Node, _ key: String) throws -> [String] {
        if node.scalar != nil, !isNull(node) { return [try string(node, key)] }
        guard let seq = node.sequence else { throw fail(node, "'\(key)' must be a list of strings") }
        return try seq.map { item in
            guard item.scalar != nil else { throw fail(item, "'\(key)' must be a list of strings") }
            return try string(item, key)
        }
    }

    func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }
}
