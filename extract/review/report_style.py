"""The look of the review page: its stylesheet (a background per kind of value), its script (hover
a record row to outline its spans, filter flagged articles, toggle kinds) and the legend of kinds.
"""

from __future__ import annotations

from extract.review.explain import FIELD_COLOURS, OTHER_COLOUR
from extract.review.marks import css_kind


def legend(with_gold: bool) -> str:
    items = "".join(
        f'<button type="button" class="legend-item {css_kind(k)}" data-kind="{k}">{k}</button>'
        for k in FIELD_COLOURS
    )
    marks = (
        '<span class="ev st-spurious">spurious</span> <span class="ev st-wrong">wrong</span> '
        '<span class="gold-missed">missed (gold)</span>'
    )
    marks_html = f'<span class="marks">{marks}</span>' if with_gold else ""
    return f'<div class="legend">{items}{marks_html}</div>'


CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1rem 2rem;color:#111}
h1{font-size:1.4rem} h2{font-size:1.1rem;border-top:2px solid #888;padding-top:.8rem}
h2 small{font-weight:normal;color:#444} h2 a{font-size:.8rem;font-weight:normal}
table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f3f4f6;text-align:left}
.right table{width:100%;table-layout:fixed;margin-bottom:.8rem} .right td{overflow-wrap:anywhere}
table.record th:nth-child(1){width:26%} table.record th:nth-child(2){width:30%}
table.record th:nth-child(4){width:12%} table.misses th:nth-child(1){width:14%}
section.article{scroll-margin-top:2.6rem}
.cols{display:flex;gap:1.5rem;align-items:flex-start} .left{flex:3;min-width:0} .right{flex:2;min-width:0}
.text{white-space:pre-wrap;line-height:1.9;font-size:.95rem;border:1px solid #ddd;padding:.6rem;
 max-height:36rem;overflow:auto;background:#fff}
.ev{border-radius:2px;padding:0 1px} .ev.focus{outline:2px solid #111}
.st-spurious{text-decoration:line-through 2px #dc2626;box-shadow:inset 0 -3px 0 #dc2626}
.st-wrong{box-shadow:inset 0 -3px 0 #f59e0b}
.gold-missed{border:2px dashed #dc2626;border-radius:3px}
td.status.st-spurious,td.status.st-wrong{color:#b91c1c;font-weight:bold;text-decoration:none;box-shadow:none}
td.status.st-ok{color:#15803d}
.legend{position:sticky;top:0;background:#fffe;padding:.4rem 0;z-index:1;border-bottom:1px solid #ddd}
.legend-item{border:1px solid #999;border-radius:3px;margin:1px;font-size:.75rem;cursor:pointer}
.legend-item.off{opacity:.35} .marks{margin-left:1rem;font-size:.8rem}
.hide-kind{background:none!important}
.swatch{display:inline-block;width:.7rem;height:.7rem;margin-right:4px;border:1px solid #999}
.source,.no-text{color:#666;font-size:.8rem} tr.no-record td{color:#b91c1c}
.right td.rule{overflow-wrap:normal;word-break:normal} td.misses{color:#b91c1c}
body.only-flagged tr.doc:not(.flagged),body.only-flagged section.article:not(.flagged){display:none}
"""

JS = """
document.querySelectorAll('table.record tr[data-path]').forEach(function(row){
  var path=row.getAttribute('data-path');
  var spans=row.closest('section').querySelectorAll('.ev');
  function mark(on){spans.forEach(function(s){if(s.dataset.field===path){s.classList.toggle('focus',on);}});}
  row.addEventListener('mouseenter',function(){mark(true);});
  row.addEventListener('mouseleave',function(){mark(false);});
});
var only=document.getElementById('only-flagged');
if(only){only.addEventListener('change',function(){document.body.classList.toggle('only-flagged',only.checked);});}
document.querySelectorAll('.legend-item').forEach(function(btn){
  btn.addEventListener('click',function(){
    var off=btn.classList.toggle('off');
    document.querySelectorAll('.ev.k-'+btn.dataset.kind.replace(/[._]/g,'-')).forEach(function(s){
      s.classList.toggle('hide-kind',off);});
  });
});
"""


def kind_css() -> str:
    """One background per kind; it comes after the `.ev` fallback so that the kind wins."""
    rules = [f".{css_kind(k)}{{background:{c}}}" for k, c in FIELD_COLOURS.items()]
    return "\n".join([f".ev{{background:{OTHER_COLOUR}}}", *rules])
