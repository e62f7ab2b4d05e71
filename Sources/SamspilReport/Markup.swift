/// Escaping for HTML and SVG text and attribute values.
///
/// Every string that reaches the report from a scenario (names, labels,
/// descriptions, the resolved scenario itself) passes through here, so a
/// scenario called `<script>` shows up as text and cannot break the page.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character
    /// references: safe both in element content and in quoted attributes.
    /// - Complexity: O(characters).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline are not allowed in
                // HTML text; drop them rather than emit an invalid document.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A valid, stable `id` fragment from arbitrary text (`"Net – region"` →
    /// `"net-region"`), for `aria-labelledby` links.
    public static func identifier(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for ch in text.lowercased().unicodeScalars {
            if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
                out.unicodeScalars.append(ch)
                lastDash = false
            } else if !lastDash && !out.isEmpty {
                out += "-"
                lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
