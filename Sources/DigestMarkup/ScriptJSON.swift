/// JSON object literals assigned to variables inside `<script>` text (`window.initialState={…}`).
public enum ScriptJSON {
    /// The `{…}` literal assigned to `variable` in a script, matched by braces outside strings.
    public static func assignedObject(in script: String, variable: String) -> String? {
        guard let r = script.range(of: variable) else { return nil }
        let scalars = Array(script[r.upperBound...].unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "=" { start += 1 }
        guard start < scalars.count, scalars[start] == "{" else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        for j in start..<scalars.count {
            let c = scalars[j]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 {
                    var out = String.UnicodeScalarView()
                    out.append(contentsOf: scalars[start...j])
                    return String(out)
                }
            }
        }
        return nil
    }
}
