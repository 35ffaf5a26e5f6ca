/** The page's own CSS (uPlot's stylesheet is inlined beside it). */
export const PAGE_CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;padding:0 24px 48px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #dde1e7;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;margin:6px 0 12px;background:#fff}th,td{border:1px solid #e1e4e8;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f5f7;font-weight:600}
td.num{text-align:right;white-space:nowrap}td.url{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.verdict{margin:0 -24px 8px;padding:16px 24px;color:#fff}.verdict .meta{margin:0;opacity:.9;font-size:13px}
.verdict-pass{background:#1f7a3a}.verdict-warn{background:#9a6b00}.verdict-fail{background:#b3261e}.verdict-inconclusive,.verdict-skip{background:#6b3fa0}.verdict-interrupted{background:#444}
.failures{margin:10px 0 0;padding-left:20px;font-family:ui-monospace,monospace;font-size:12.5px}.failures li{margin:2px 0}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;color:#fff}
.b-pass{background:#1f7a3a}.b-warn{background:#b07d00}.b-fail{background:#b3261e}.b-inconclusive{background:#6b3fa0}.b-skip{background:#8a8f98}
tr.o-fail td{background:#fdf0ef}tr.o-inconclusive td{background:#f5f0fb}tr.o-warn td{background:#fff8e6}
.matrix td.cell{text-align:center}.matrix td.empty{background:#f6f7f9}.matrix .note{font-size:11px;text-align:left;max-width:260px}
.budget{position:relative;width:260px;height:18px;background:#eceff3;border-radius:3px;overflow:hidden}.budget-fill{height:100%;background:#2e8b57}
.budget.low .budget-fill{background:#d4a017}.budget.spent .budget-fill{background:#b3261e}.budget-label{position:absolute;left:6px;top:0;font-size:12px;line-height:18px}
.budget.none{background:none;color:#888;font-size:12px}
.chart{margin:8px 0 16px;background:#fff;border:1px solid #e1e4e8;padding:6px}.muted{color:#6a717d}
.trend-charts{display:flex;flex-wrap:wrap;gap:12px}.trend{margin:0;background:#fff;border:1px solid #e1e4e8;padding:6px}.trend figcaption{font-size:12px;font-weight:600;margin-bottom:2px}
.legend{font-size:11px;max-width:360px}.legend span{margin-right:8px;white-space:nowrap}.legend i{display:inline-block;width:9px;height:9px;margin-right:3px;border-radius:2px}
tr.current td{font-weight:600}
footer{margin-top:32px;color:#8a8f98;font-size:12px}
`;
