import CandorRules
import CandorText

/// The frame every HTML report shares: a standalone page with its style inline, no script and nothing
/// fetched from the network (the Content-Security-Policy says so, so a browser refuses any script that
/// text in a report might smuggle in), readable offline, printed, zoomed to 200% or on a phone.
enum HTMLPage {
    /// `wide` lets the page use more of a large screen (variants side by side).
    /// `findings` are every finding on the page, for the per-rule half of their tips.
    static func begin(title: String, wide: Bool = false, findings: [Finding] = [], rules: [String: Rule] = [:])
        -> String
    {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Candor \(Candor.version)">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)\(TipStyles.css(for: findings, rules: rules))</style>
        </head>
        <body>
        <a class="skip" href="#drafts">Skip to the drafts</a>
        <main\(wide ? " class=\"wide\"" : "")>

        """
    }

    static func end() -> String {
        """
        </main>
        <footer><p>Made by Candor \(Candor.version). Hover over or tab to a marked phrase to read why it is marked; \
        the notes under each draft say the same. <code>candor explain RULE</code> gives the full reasoning.</p></footer>
        </body>
        </html>

        """
    }

    /// The key to the marks: each category's symbol and label, and what the styles of a mark mean.
    static func legend(categories: [FindingCategory]) -> String {
        var html =
            "<section class=\"legend\" aria-labelledby=\"legend-title\">\n<h2 id=\"legend-title\">How to read the marks</h2>\n<ul>\n"
        for name in categories {
            let style = CategoryStyle(name)
            html +=
                "<li><mark class=\"sample \(style.cssClass) sev-warning\" data-icon=\"\(HTMLText.escape(style.icon))\">"
            html += "\(HTMLText.escape(style.label))</mark></li>\n"
        }
        html += "<li><mark class=\"sample plain cat-other sev-error\">Error: thick underline</mark></li>\n"
        html += "<li><mark class=\"sample plain cat-other sev-warning\">Warning: double underline</mark></li>\n"
        html += "<li><mark class=\"sample plain cat-other sev-suggestion\">Suggestion: dotted underline</mark></li>\n"
        html +=
            "<li><mark class=\"sample cat-other sev-suggestion ctx-quoted\">Someone else’s words: ❝, italic, dashed box</mark></li>\n"
        html += "</ul>\n</section>\n"
        return html
    }

    // Colours: each accent reaches at least 4.5:1 against white and against its tint, and body text
    // (#1b1f24) at least 12:1 against every tint, so the page meets WCAG AA for text.
    static let style = """

        :root{--ink:#1b1f24;--muted:#4b5563;--line:#d0d7de;--paper:#ffffff;--wash:#f6f8fa;
        --vague:#7a4a00;--vague-tint:#fff1c9;--intent:#5b2fa8;--intent-tint:#efe6ff;
        --blaming:#a8201a;--blaming-tint:#ffe3df;--candor:#38506b;--candor-tint:#e6edf5;--other:#0b5394;--other-tint:#e3efff;
        --pass:#116329;--pass-tint:#dcf5e3;--warn:#7a4a00;--warn-tint:#fff1c9;--fail:#a8201a;--fail-tint:#ffe3df;
        --na:#4b5563;--na-tint:#eef0f3}
        *,*::before,*::after{box-sizing:border-box}
        html{color:var(--ink);background:var(--wash);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif;
        -webkit-text-size-adjust:100%}
        body{margin:0}
        main{max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem} main.wide{max-width:96rem}
        h1{font-size:1.75rem;line-height:1.2;margin:0 0 .25rem}
        h2{font-size:1.25rem;margin:0 0 .75rem}
        h3{font-size:1.05rem;margin:1rem 0 .5rem}
        a{color:#0a4fa3}
        code{font-family:"DejaVu Sans Mono",ui-monospace,monospace;font-size:.9em;overflow-wrap:anywhere}
        .skip{position:absolute;left:-999rem}
        .skip:focus{left:1rem;top:1rem;background:var(--paper);padding:.5rem;z-index:20}
        .meta{color:var(--muted);margin:0 0 1.25rem}
        section,.draft{background:var(--paper);border:1px solid var(--line);border-radius:.75rem;padding:1.25rem;margin:0 0 1.25rem}
        .counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.75rem;margin:0 0 1rem;padding:0;list-style:none}
        .counts li{border:1px solid var(--line);border-radius:.6rem;padding:.6rem .8rem;background:var(--wash)}
        .counts strong{display:block;font-size:1.6rem;line-height:1.1}
        .counts .sev-error strong{color:var(--fail)} .counts .sev-warning strong{color:var(--warn)}
        table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
        thead th{font-size:.85rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto}
        .legend ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;margin:0;padding:0}
        .problems li{margin:.25rem 0}
        .problem-error{color:var(--fail)}
        details.draft>summary{cursor:pointer;list-style-position:outside;margin-left:1.1rem}
        details.draft>summary h2{display:inline;font-size:1.15rem}
        .draft-meta{color:var(--muted);font-size:.95rem}
        .prose{font-family:Charter,"Bitstream Charter","Noto Serif","Liberation Serif","DejaVu Serif",Georgia,serif;font-size:1.1rem;
        line-height:1.75;max-width:42rem;margin:1rem 0;overflow-wrap:break-word}
        .prose p{margin:0 0 .9rem} .prose p.plain{white-space:pre-wrap}
        .prose .draft-heading{font-family:inherit;font-size:1.2rem;margin:1.2rem 0 .5rem}
        .prose blockquote{margin:0 0 .9rem;padding:.1rem 0 .1rem 1rem;border-left:4px solid var(--line);color:#30363d}
        .prose ul{margin:0 0 .9rem;padding-left:1.4rem}
        .prose ul.draft-cells{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0}
        .prose ul.draft-cells li{border:1px solid var(--line);padding:0 .5rem;border-radius:.3rem}
        mark{color:var(--ink);border-radius:.2rem;padding:.05em .1em;-webkit-box-decoration-break:clone;box-decoration-break:clone;
        text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em}
        mark.finding{cursor:help}
        mark.finding:not(.continued)::before,mark.sample::before{display:inline-block;font:700 .7rem/1.2 system-ui,"DejaVu Sans",sans-serif;
        vertical-align:.25em;margin-right:.2em;padding:0 .3em;border-radius:.6em;color:#fff;background:var(--accent);font-style:normal}
        .cat-vague{--accent:var(--vague);background:var(--vague-tint)}
        .cat-intent{--accent:var(--intent);background:var(--intent-tint)}
        .cat-blaming{--accent:var(--blaming);background:var(--blaming-tint)}
        .cat-candor{--accent:var(--candor);background:var(--candor-tint)}
        .cat-other{--accent:var(--other);background:var(--other-tint)}
        mark.cat-vague:not(.continued)::before{content:"≈ " attr(data-n) / ""}
        mark.cat-intent:not(.continued)::before{content:"◎ " attr(data-n) / ""}
        mark.cat-blaming:not(.continued)::before{content:"⚑ " attr(data-n) / ""}
        mark.cat-candor:not(.continued)::before{content:"⚙ " attr(data-n) / ""}
        mark.cat-other:not(.continued)::before{content:"◆ " attr(data-n) / ""}
        mark.sample::before{content:attr(data-icon) / ""}
        mark.sev-error{text-decoration-style:solid;text-decoration-color:var(--accent);text-decoration-thickness:3px}
        mark.sev-warning{text-decoration-style:double;text-decoration-color:var(--accent)}
        mark.sev-suggestion{text-decoration-style:dotted;text-decoration-color:var(--accent)}
        mark.sev-suggestion:not(.continued)::before{background:var(--paper);color:var(--accent);box-shadow:inset 0 0 0 1.5px var(--accent)}
        mark.ctx-quoted,mark.ctx-attributed{font-style:italic;background:var(--paper);border:1.5px dashed var(--accent);padding:0 .15em}
        mark.finding.ctx-quoted:not(.continued)::before,mark.finding.ctx-attributed:not(.continued)::before,mark.sample.ctx-quoted::before{content:"❝ " attr(data-n) / ""}
        mark.sample.ctx-quoted::before{content:"❝" / ""}
        mark.sample.plain::before{content:none}
        mark.finding:focus{outline:3px solid #0a4fa3;outline-offset:2px}
        mark.finding:hover,mark.finding:target{outline:2px solid var(--accent);outline-offset:1px}
        mark.finding[data-tip]:is(:hover,:focus,:target)::after{content:attr(data-tip) var(--try,"") var(--ref,"") / "";position:fixed;z-index:10;left:50%;bottom:1rem;
        transform:translateX(-50%);width:min(38rem,calc(100vw - 2rem));max-height:45vh;overflow:auto;white-space:pre-line;text-align:left;
        font:400 .95rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif;font-style:normal;
        color:#fff;background:#1b1f24;padding:.8rem 1rem;border-radius:.6rem;box-shadow:0 .5rem 1.5rem rgba(0,0,0,.3);
        border-left:.4rem solid var(--accent)}
        /* On a wide screen the tip opens under the words it is about; narrower, as a panel at the foot of the screen. */
        @media (min-width:75rem){mark.finding{position:relative}
        mark.finding[data-tip]:is(:hover,:focus,:target)::after{position:absolute;left:0;top:calc(100% + .5rem);bottom:auto;transform:none;width:30rem}}
        mark.finding:has(mark.finding:is(:hover,:focus))::after{content:none}
        .notes{font-size:.95rem;margin:1rem 0 0;padding-left:0;list-style:none;border-top:1px solid var(--line)}
        .notes li{padding:.6rem 0;border-bottom:1px solid var(--line);display:grid;grid-template-columns:auto 1fr;gap:0 .75rem}
        .notes .badge{grid-row:span 4;align-self:start;margin-top:.15rem}
        .notes p{margin:0}
        .notes .rule{color:var(--muted);font-size:.9rem}
        .notes .match{font-weight:600}
        .notes li:target{background:#fff8d6}
        .badge{display:inline-block;white-space:nowrap;font-size:.8rem;font-weight:700;border-radius:1rem;padding:.05rem .55rem;color:#fff;background:var(--accent)}
        .badge.sev-suggestion{color:var(--accent);background:var(--paper);box-shadow:inset 0 0 0 1.5px var(--accent)}
        thead th a{text-transform:none}
        details.checks{margin:.5rem 0}details.checks>summary{cursor:pointer;color:#0a4fa3}
        .status{display:inline-block;white-space:nowrap;min-width:4.2rem;text-align:center;font-weight:700;font-size:.85rem;border-radius:1rem;padding:.05rem .5rem;border:1.5px solid}
        .status-pass{color:var(--pass);background:var(--pass-tint)}
        .status-warn{color:var(--warn);background:var(--warn-tint)}
        .status-fail{color:var(--fail);background:var(--fail-tint)}
        .status-na{color:var(--na);background:var(--na-tint)}
        .score{font-size:2rem;font-weight:800;line-height:1}
        .score small{font-size:1rem;color:var(--muted);font-weight:600}
        .evidence{margin:.3rem 0 0;padding-left:1.1rem;font-size:.92rem;color:#30363d}
        .components{margin:.3rem 0 0;padding:0;list-style:none;font-size:.92rem}
        .variants{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:1rem;align-items:start}
        .variants>.draft{margin:0}
        .best{font-weight:700}
        footer{max-width:64rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.9rem}
        @media (max-width:40rem){main{padding:1rem .5rem 2rem}section,.draft{padding:1rem .8rem}.prose{font-size:1.05rem}
        th,td{padding:.35rem .3rem}thead th{font-size:.7rem;letter-spacing:0}.counts{grid-template-columns:repeat(2,1fr)}
        .notes li{grid-template-columns:1fr}.notes .badge{grid-row:auto;justify-self:start}}
        @media print{html{background:#fff}section,.draft{border:0;padding:0}details.draft>summary{list-style:none}
        mark.finding::after{content:none!important}.skip{display:none}}

        """
}
