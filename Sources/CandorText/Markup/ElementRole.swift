enum ElementRole {
    case inline
    /// Starts a block; the kind it gives its text, if any.
    case block(BlockKind?)
    /// Content is not prose, but its text is still found in the source to keep the scan in step.
    case hidden
    /// Content is raw text (script, style): the source scan skips it whole, so its text is not looked for.
    case raw
    case lineBreak

    static func of(_ name: String) -> ElementRole {
        switch name {
        case "p", "div", "section", "article", "header", "footer", "figcaption", "dt", "dd", "caption", "html", "body",
            "head", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "nav", "aside", "main", "figure",
            "address", "details", "summary", "fieldset", "legend", "hr", "menu", "hgroup", "center", "form":
            return .block(nil)
        case "h1", "h2", "h3", "h4", "h5", "h6", "title": return .block(.heading)
        case "blockquote": return .block(.blockQuote)
        case "li": return .block(.listItem)
        case "td", "th": return .block(.tableCell)
        case "code", "pre", "template", "noscript", "kbd", "samp": return .hidden
        case "script", "style": return .raw
        case "br": return .lineBreak
        default: return .inline
        }
    }
}
