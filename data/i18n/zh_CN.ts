<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare — {companies}</source>
        <translation>对比 — {companies}</translation>
    </message>
    <message>
        <source>{n} companies side by side under the current weights: {weights} {policy}.</source>
        <translation>按当前权重并排对比 {n} 家公司：{weights}{policy}。</translation>
    </message>
    <message>
        <source>Companies compared side by side</source>
        <translation>并排对比的公司</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>Next date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Undo emptied the note: not saved (Ctrl+Shift+Z brings it back)</source>
        <extracomment>The first heights (at least, on a pane of 400 px) of the sensitivity charts and of the notes (with their label), in px. What the notes say when an undo left a written note empty (and it was not saved).</extracomment>
        <translation>撤销清空了笔记：未保存（按 Ctrl+Shift+Z 可恢复）</translation>
    </message>
    <message>
        <source>Select a company</source>
        <translation>请选择一家公司</translation>
    </message>
    <message>
        <source>Add to or remove from the shortlist (Space in the table)</source>
        <translation>加入或移出候选清单（在表格中按空格键）</translation>
    </message>
    <message>
        <source>Add fact…</source>
        <translation>添加事实…</translation>
    </message>
    <message>
        <source>Add your own fact about this company — a round, a valuation, a client, an outcome, a listing or a correction — with its source (Ctrl+Shift+F)</source>
        <translation>补充您掌握的这家公司的事实——融资轮次、估值、客户、成果、上市或更正——并注明来源（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Your notes on this company — saved as you type</source>
        <translation>您对这家公司的笔记——输入时自动保存</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Select a company in the table to see its segments, its funding, why it scores as it does and every sentence of the report it comes from.</source>
        <translation>在表格中选择一家公司，即可查看其细分赛道、融资情况、得分缘由，以及报告中提到它的每一句原文。</translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <translation>已入选</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>加入候选清单</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>编辑中…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <source>Edit fact — {company}</source>
        <translation>编辑事实 — {company}</translation>
    </message>
    <message>
        <source>Add fact — {company}</source>
        <translation>添加事实 — {company}</translation>
    </message>
    <message>
        <source>Your fact about &lt;b&gt;{company}&lt;/b&gt;. It is kept beside the report&apos;s facts (never over them), marked as yours with its source, and counted in the ranking while View → Include my facts is on.</source>
        <translation>您补充的关于 &lt;b&gt;{company}&lt;/b&gt; 的事实。它与报告中的事实并列保存（绝不覆盖报告），标注为您的补充并附来源；“视图 → 计入我的补充事实”开启时计入排名。</translation>
    </message>
    <message>
        <source> Saving an edit retires the old fact and keeps it in the history.</source>
        <translation>保存修改会停用旧的事实，并将其保留在历史记录中。</translation>
    </message>
    <message>
        <source>As written: B轮, Series C, Pre-A …</source>
        <translation>按原文填写：B轮、Series C、Pre-A …</translation>
    </message>
    <message>
        <source>50亿美元, 数千万元, $20M …</source>
        <translation>50亿美元、数千万元、$20M …</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>50亿美元, $1.2B …</source>
        <translation>50亿美元、$1.2B …</translation>
    </message>
    <message>
        <source>Separated by ; — e.g. 红杉中国;高瓴</source>
        <translation>用 ; 分隔，例如 红杉中国;高瓴</translation>
    </message>
    <message>
        <source>A URL or a document (required)</source>
        <translation>网址或文件（必填）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Round</source>
        <translation>轮次(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Valuation</source>
        <translation>估值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Investors</source>
        <translation>投资方(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>事件内容(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>Date s&amp;een</source>
        <translation>获知日期(&amp;E)</translation>
    </message>
    <message>
        <source>50亿美元, $1.2B … (required)</source>
        <translation>50亿美元、$1.2B …（必填）</translation>
    </message>
    <message>
        <source>50亿美元, $1.2B … (optional)</source>
        <translation>50亿美元、$1.2B …（选填）</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Universe: {universe}</source>
        <translation>筛选范围：{universe}</translation>
    </message>
    <message>
        <source>Which companies are screened and normalised together: providers (what an investor can back), adopters (the demand side) or all. Shortlist and notes are kept when you switch.</source>
        <translation>哪些公司放在一起筛选和归一化：供给方（投资人可以投资的公司）、需求方（需求侧）或全部。切换时候选清单和笔记都会保留。</translation>
    </message>
    <message>
        <source>Universe</source>
        <translation>筛选范围</translation>
    </message>
    <message>
        <source>Name, English name, alias or product…</source>
        <translation>名称、英文名、别名或产品…</translation>
    </message>
    <message>
        <source>Search companies</source>
        <translation>搜索公司</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国家/地区(&amp;C)</translation>
    </message>
    <message>
        <source>Sce&amp;nario</source>
        <translation>应用场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>Or click a segment on the map</source>
        <translation>也可以在细分赛道图上点击细分赛道</translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>细分赛道(&amp;G)</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>What kind of company: startup, big tech, AI vendor, bank …</source>
        <translation>公司类型：初创企业、大型科技公司、AI 厂商、银行…</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Your pipeline&apos;s stage (the Pipeline tab, Ctrl+3)</source>
        <translation>在项目管线中所处的阶段（“项目管线”标签页，Ctrl+3）</translation>
    </message>
    <message>
        <source>Pipeline stage</source>
        <translation>项目管线阶段</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
    <message>
        <source>Funding &amp;disclosed only</source>
        <translation>仅看已披露融资(&amp;D)</translation>
    </message>
    <message>
        <source>Shortlisted &amp;only</source>
        <translation>仅看已入选(&amp;O)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>全部国家/地区</translation>
    </message>
    <message>
        <source>All scenarios</source>
        <translation>全部应用场景</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部细分赛道</translation>
    </message>
</context>
<context>
    <name>LensesModel</name>
    <message>
        <source>Company</source>
        <extracomment>The fixed columns before one column per lens. The robust threshold a user may choose (the top N under every lens).</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Top {n}</source>
        <translation>前 {n} 名</translation>
    </message>
    <message>
        <source>The name as the report writes it, with the English name</source>
        <translation>报告中的企业名称，附英文名</translation>
    </message>
    <message>
        <source>Under how many lenses the company is in the top {n} (sorted by it: more lenses first, then the better worst rank)</source>
        <translation>该企业在多少个视角下位列前 {n} 名（按此排序：视角数多者在前，其次是最差排名更好者）</translation>
    </message>
    <message>
        <source>{lens} {weights}: {words}</source>
        <translation>{lens} {weights}：{words}</translation>
    </message>
    <message>
        <source>{mark} Robust: {definition}</source>
        <translation>{mark} 稳健：{definition}</translation>
    </message>
    <message>
        <source>{mark} Pareto-optimal: {definition}</source>
        <translation>{mark} 帕累托最优：{definition}</translation>
    </message>
    <message>
        <source>Not robust: outside the top {n} under at least one lens</source>
        <translation>不稳健：至少在一个视角下未进入前 {n} 名</translation>
    </message>
    <message>
        <source>Not ranked under {lens}: {policy}</source>
        <translation>在视角“{lens}”下未参与排名：{policy}</translation>
    </message>
    <message>
        <source>Rank {rank} under {lens} {weights}</source>
        <translation>在视角“{lens}” {weights} 下排名第 {rank}</translation>
    </message>
</context>
<context>
    <name>LensesView</name>
    <message>
        <source>Robust = &amp;top</source>
        <translation>稳健 = 排名前(&amp;T)</translation>
    </message>
    <message>
        <source>Robust threshold: the top N under every lens</source>
        <translation>稳健门槛：在每个视角下均位列前 N 名</translation>
    </message>
    <message>
        <source>A company is robust when it is in the top N under every lens</source>
        <translation>企业在每个视角下均位列前 N 名即为稳健</translation>
    </message>
    <message>
        <source>Filtered onl&amp;y</source>
        <translation>仅显示筛选结果(&amp;Y)</translation>
    </message>
    <message>
        <source>Show only the companies the search and filters let through (the ranks stay those of the whole universe)</source>
        <translation>仅显示通过搜索和筛选的企业（排名仍按整个筛选范围计算）</translation>
    </message>
    <message>
        <source>Ranks under every lens</source>
        <translation>各视角下的排名</translation>
    </message>
    <message>
        <source>Computing the lenses…</source>
        <translation>正在计算多视角排名…</translation>
    </message>
    <message>
        <source>Each company&apos;s rank under every built-in preset and every saved profile (hover a heading for its weights; shaded: in the top {n}). {robust_mark} robust: {robust}. {pareto_mark} Pareto-optimal: {pareto}.</source>
        <translation>每家企业在各内置预设和各已保存方案下的排名（鼠标悬停在列标题上可查看其权重；底色标出前 {n} 名）。{robust_mark} 稳健：{robust}。{pareto_mark} 帕累托最优：{pareto}。</translation>
    </message>
    <message>
        <source>Computing the lenses again (the ranks shown are the previous ones)…</source>
        <translation>正在重新计算多视角排名（当前显示的是上一次的排名）…</translation>
    </message>
    <message>
        <source>No lens result</source>
        <translation>暂无多视角结果</translation>
    </message>
    <message>
        <source>{lenses} lenses · {robust_mark} {robust} robust · {pareto_mark} {pareto} Pareto-optimal · {policy}</source>
        <translation>{lenses} 个视角 · {robust_mark} {robust} 家稳健 · {pareto_mark} {pareto} 家帕累托最优 · {policy}</translation>
    </message>
    <message>
        <source>Showing {shown} of {ranked} ranked companies · {rest}</source>
        <translation>显示 {ranked} 家已排名企业中的 {shown} 家 · {rest}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Ranked companies</source>
        <translation>已排名的公司</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation>多视角</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>项目管线</translation>
    </message>
    <message>
        <source>The companies ranked under the current weights (Ctrl+1)</source>
        <translation>按当前权重排名的公司（Ctrl+1）</translation>
    </message>
    <message>
        <source>Every company&apos;s rank under every preset and saved profile: robust and Pareto-optimal picks (Ctrl+2)</source>
        <translation>每家公司在各个预设和已保存方案下的排名：稳健与帕累托最优之选（Ctrl+2）</translation>
    </message>
    <message>
        <source>Your deal pipeline, grouped by stage: stage, owner and next step of each company (Ctrl+3)</source>
        <translation>您的项目管线，按阶段分组：每家公司的阶段、负责人和下一步（Ctrl+3）</translation>
    </message>
    <message>
        <source>The ranking could not be computed: {error}</source>
        <translation>无法计算排名：{error}</translation>
    </message>
    <message>
        <source>No company matches the filters</source>
        <translation>没有符合筛选条件的公司</translation>
    </message>
    <message>
        <source>Nothing in the table matches the search and filters. Clear filters (Ctrl+Shift+L, or the Clear filters button) or change the search to see companies again.</source>
        <translation>表中没有符合搜索和筛选条件的公司。清除筛选条件（Ctrl+Shift+L，或点击“清除筛选条件”按钮）或修改搜索内容，即可重新看到公司。</translation>
    </message>
    <message>
        <source>No company to show</source>
        <translation>没有可显示的公司</translation>
    </message>
    <message>
        <source>This universe holds no company: choose another universe.</source>
        <translation>此筛选范围内没有公司：请选择其他筛选范围。</translation>
    </message>
    <message>
        <source>{name} is not shown: it is outside the current universe or filters</source>
        <translation>未显示{name}：它不在当前筛选范围或筛选条件之内</translation>
    </message>
    <message>
        <source>{what} not saved: {message}</source>
        <translation>{what}未保存：{message}</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>笔记已保存</translation>
    </message>
    <message>
        <source>Note kept until the app closes (it cannot be saved this time)</source>
        <translation>笔记将保留到应用关闭（本次无法保存）</translation>
    </message>
    <message>
        <source>Not saved yet — kept, and saved as soon as possible</source>
        <translation>尚未保存 — 已保留，将尽快保存</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Top {n}: {note}</source>
        <translation>前 {n} 名：{note}</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} companies · Universe: {universe} · Shortlist: {shortlist}</source>
        <translation>显示 {shown} / {total} 家公司 · 筛选范围：{universe} · 候选清单：{shortlist}</translation>
    </message>
    <message>
        <source>{sentence} (missing-data policy: {policy})</source>
        <translation>{sentence}（缺失数据处理：{policy}）</translation>
    </message>
    <message>
        <source>All weights are zero: companies listed by name · {text}</source>
        <translation>所有权重均为零：公司按名称排列 · {text}</translation>
    </message>
    <message>
        <source>Select a company first: a fact is about one company</source>
        <translation>请先选择一家公司：每条事实只针对一家公司</translation>
    </message>
    <message>
        <source>Fact #{id} is not among your facts of this dataset</source>
        <translation>事实 #{id} 不在您对此数据集的补充事实中</translation>
    </message>
    <message>
        <source>Fact about {name} saved</source>
        <translation>关于{name}的事实已保存</translation>
    </message>
    <message>
        <source>Fact about {name} saved (the old one retired)</source>
        <translation>关于{name}的事实已保存（旧的一条已停用）</translation>
    </message>
    <message>
        <source>Fact #{id} restored</source>
        <translation>事实 #{id} 已恢复</translation>
    </message>
    <message>
        <source>Fact #{id} retired (kept in the history; Ctrl+Z brings it back)</source>
        <translation>事实 #{id} 已停用（保留在历史记录中；按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Your facts count in the ranking</source>
        <translation>您的补充事实计入排名</translation>
    </message>
    <message>
        <source>The report&apos;s ranking: your facts are shown, not counted</source>
        <translation>报告的排名：您的补充事实仅显示，不计入</translation>
    </message>
    <message>
        <source>Counting your facts in the signals…</source>
        <translation>正在将您的补充事实计入信号…</translation>
    </message>
    <message>
        <source>Your facts could not be counted: {error}</source>
        <translation>无法计入您的补充事实：{error}</translation>
    </message>
    <message>
        <source>(not counted: View → Include my facts is off)</source>
        <translation>（未计入：“视图 → 计入我的补充事实”已关闭）</translation>
    </message>
    <message>
        <source>Pipeline not changed: {error}</source>
        <translation>项目管线未更改：{error}</translation>
    </message>
    <message>
        <source>Pipeline change</source>
        <translation>项目管线更改</translation>
    </message>
    <message>
        <source>Stage not renamed: {error}</source>
        <translation>阶段未重命名：{error}</translation>
    </message>
    <message>
        <source>Add companies</source>
        <translation>添加公司</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx);;CSV (*.csv);;Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{file} was not added; nothing changed</source>
        <translation>未添加 {file}；没有任何更改</translation>
    </message>
    <message>
        <source>Added {added} companies from {file}; {merged} merged with the dataset&apos;s</source>
        <translation>已从 {file} 添加 {added} 家公司；{merged} 家与数据集中的公司合并</translation>
    </message>
    <message>
        <source>Adding cancelled; nothing changed</source>
        <translation>已取消添加；没有任何更改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export memo</source>
        <translation>导出投资备忘录</translation>
    </message>
    <message>
        <source>Your shortlist is empty. Export the top companies of the table instead?
How many:</source>
        <translation>您的候选清单为空。改为导出表中排名靠前的公司？
数量：</translation>
    </message>
    <message>
        <source>AIGC memo {date}.xlsx</source>
        <translation>AIGC 投资备忘录 {date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the memo…</source>
        <translation>正在写入投资备忘录…</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Memo of {n} companies saved to {path}</source>
        <translation>包含 {n} 家公司的投资备忘录已保存到 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>已取消导出；未写入任何内容</translation>
    </message>
    <message>
        <source>Export failed: {message}</source>
        <translation>导出失败：{message}</translation>
    </message>
    <message>
        <source>Import companies</source>
        <translation>导入公司</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.parquet *.feather *.arrow);;CSV (*.csv);;Excel workbook (*.xlsx);;Parquet (*.parquet);;Arrow IPC / Feather (*.feather *.arrow);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx *.parquet *.feather *.arrow);;CSV (*.csv);;Excel 工作簿 (*.xlsx);;Parquet (*.parquet);;Arrow IPC / Feather (*.feather *.arrow);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loaded {summary}</source>
        <translation>已载入 {summary}</translation>
    </message>
    <message>
        <source> · {count} cell(s) kept as written or cleaned</source>
        <translation> · {count} 个单元格按原样保留或已清理</translation>
    </message>
    <message>
        <source>Imported {file}, with notes</source>
        <translation>已导入 {file}，附说明</translation>
    </message>
    <message>
        <source>{summary}. These cells were kept as written or cleaned; nothing was guessed:</source>
        <translation>{summary}。以下单元格按原样保留或已清理，未做任何猜测：</translation>
    </message>
    <message>
        <source>Import cancelled; nothing changed</source>
        <translation>已取消导入；没有任何更改</translation>
    </message>
    <message>
        <source>{file} was not imported; nothing changed</source>
        <translation>未导入 {file}；没有任何更改</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Add companies — {file}</source>
        <translation>添加公司 — {file}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; adds &lt;b&gt;{count}&lt;/b&gt; new company beside the report&apos;s, marked as added from it.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 在报告的公司之外新增 &lt;b&gt;{count}&lt;/b&gt; 家公司，并标注为从该文件添加。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; adds &lt;b&gt;{count}&lt;/b&gt; new companies beside the report&apos;s, marked as added from it.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 在报告的公司之外新增 &lt;b&gt;{count}&lt;/b&gt; 家公司，并标注为从该文件添加。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; company is already in the report and will be merged with the report&apos;s company (its mentions, funding and facts attached to it, not shown twice):</source>
        <translation>有 &lt;b&gt;{count}&lt;/b&gt; 家公司已在报告中，将与报告中的公司合并（其提及、融资和事实归入该公司，不会重复显示）：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; companies are already in the report and will be merged with the report&apos;s company (its mentions, funding and facts attached to it, not shown twice):</source>
        <translation>有 &lt;b&gt;{count}&lt;/b&gt; 家公司已在报告中，将与报告中的公司合并（其提及、融资和事实归入该公司，不会重复显示）：</translation>
    </message>
    <message>
        <source>None of its companies is already in the report: nothing is merged.</source>
        <translation>其中没有公司已在报告中：不进行合并。</translation>
    </message>
    <message>
        <source>Companies merged with the report&apos;s</source>
        <translation>与报告中公司合并的公司</translation>
    </message>
    <message>
        <source>Added name</source>
        <translation>添加的名称</translation>
    </message>
    <message>
        <source>Report name</source>
        <translation>报告中的名称</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <source>compared after normalisation (case, width, spaces, punctuation)</source>
        <translation>规范化后比较（大小写、全角/半角、空格、标点）</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>&amp;Add companies</source>
        <translation>添加公司(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <source>{stage} — {n} company</source>
        <extracomment>The fields of core.state&apos;s set_pipeline, by column.</extracomment>
        <translation>{stage} — {n} 家公司</translation>
    </message>
    <message>
        <source>{stage} — {n} companies</source>
        <translation>{stage} — {n} 家公司</translation>
    </message>
    <message>
        <source>The stage “{label}” ({stage}): F2 or its context menu renames it</source>
        <translation>阶段“{label}”（{stage}）：按 F2 或通过右键菜单重命名</translation>
    </message>
</context>
<context>
    <name>PipelineView</name>
    <message>
        <source>Pipeline, grouped by stage</source>
        <translation>项目管线（按阶段分组）</translation>
    </message>
    <message>
        <source>&amp;Rename stage…</source>
        <translation>重命名阶段(&amp;R)…</translation>
    </message>
    <message>
        <source>Clear next &amp;date</source>
        <translation>清除截止日期(&amp;D)</translation>
    </message>
    <message>
        <source>{n} company in your pipeline: {stages}</source>
        <translation>项目管线中共 {n} 家公司：{stages}</translation>
    </message>
    <message>
        <source>{n} companies in your pipeline: {stages}</source>
        <translation>项目管线中共 {n} 家公司：{stages}</translation>
    </message>
    <message>
        <source>Your pipeline is empty. Shortlist a company (Space in the table) to put it in Screening, then move it along here: F2 edits a cell, Ctrl+Shift+R renames a stage.</source>
        <translation>您的项目管线为空。将公司加入候选清单（在表格中按空格键）即可放入“初筛”阶段，然后在这里推进：F2 编辑单元格，Ctrl+Shift+R 重命名阶段。</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <source>New name of the stage “{label}” (its companies stay in it):</source>
        <translation>阶段“{label}”的新名称（其中的公司保持不变）：</translation>
    </message>
    <message>
        <source>Rename stage “{label}”…</source>
        <translation>重命名阶段“{label}”…</translation>
    </message>
    <message>
        <source>Show in the table</source>
        <translation>在表格中显示</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>移至阶段</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>No figure disclosed: {policy}</source>
        <translation>未披露数据：{policy}</translation>
    </message>
    <message>
        <source>Score {score} = {parts}</source>
        <translation>得分 {score} = {parts}</translation>
    </message>
    <message>
        <source>{mark} Your note: {note}</source>
        <translation>{mark} 我的笔记：{note}</translation>
    </message>
    <message>
        <source>{mark} Robust: {definition} ({ranks})</source>
        <translation>{mark} 稳健：{definition}（{ranks}）</translation>
    </message>
    <message>
        <source>{mark} Pareto-optimal: {definition}</source>
        <translation>{mark} 帕累托最优：{definition}</translation>
    </message>
    <message>
        <source>Rank {rank}: shared with {others} other company scoring {score} · {order}</source>
        <translation>排名 {rank}：与另外 {others} 家得分同为 {score} 的公司并列 · {order}</translation>
    </message>
    <message>
        <source>Rank {rank}: shared with {others} other companies scoring {score} · {order}</source>
        <translation>排名 {rank}：与另外 {others} 家得分同为 {score} 的公司并列 · {order}</translation>
    </message>
</context>
<context>
    <name>RankingTableView</name>
    <message>
        <source>Reset columns</source>
        <extracomment>Where a header&apos;s tooltip ends its first phrase (English and Chinese punctuation).</extracomment>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>SegmentMap</name>
    <message>
        <source>Size: companies</source>
        <extracomment>Scenario colours, assigned in report order (mid-tones that read on light and dark backgrounds).</extracomment>
        <translation>大小：企业数</translation>
    </message>
    <message>
        <source>Size: funding</source>
        <translation>大小：融资额</translation>
    </message>
    <message>
        <source>What the circle area shows: companies named in the segment, or their disclosed funding (USD).
A hollow circle has nothing to size by.</source>
        <translation>圆的面积表示：该细分赛道中报告提及的企业数量，或这些企业的已披露融资额（美元）。
空心圆表示没有可用于确定大小的数据。</translation>
    </message>
    <message>
        <source>Market space: {stars}</source>
        <translation>市场空间：{stars}</translation>
    </message>
    <message>
        <source>Logic: {logic}   Compute: {compute}   Corpus: {corpus}</source>
        <translation>逻辑难度：{logic}   算力成本：{compute}   语料成本：{corpus}</translation>
    </message>
    <message>
        <source>Difficulty (mean of the three): {difficulty}</source>
        <translation>落地难度（三项均值）：{difficulty}</translation>
    </message>
    <message>
        <source>Companies: {count}</source>
        <translation>企业数：{count}</translation>
    </message>
    <message>
        <source>{passing} of {total} company passes the filters</source>
        <translation>{total} 家企业中有 {passing} 家通过筛选</translation>
    </message>
    <message>
        <source>{passing} of {total} companies pass the filters</source>
        <translation>{total} 家企业中有 {passing} 家通过筛选</translation>
    </message>
    <message>
        <source>none disclosed</source>
        <translation>未披露</translation>
    </message>
    <message>
        <source>Disclosed funding: {amount}</source>
        <translation>已披露融资额：{amount}</translation>
    </message>
    <message>
        <source>{heading}:</source>
        <translation>{heading}：</translation>
    </message>
    <message>
        <source>No segments</source>
        <translation>暂无细分赛道</translation>
    </message>
</context>
<context>
    <name>SensitivityChart</name>
    <message>
        <source>{title} sensitivity chart</source>
        <translation>{title}敏感性图</translation>
    </message>
    <message>
        <source>now {weight}</source>
        <translation>当前 {weight}</translation>
    </message>
    <message>
        <source>updating…</source>
        <translation>更新中…</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <source>top {n}</source>
        <translation>前 {n} 名</translation>
    </message>
    <message>
        <source>the top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sensitivity&lt;/b&gt;: rank vs each weight, −100…+100 · shaded: {band}</source>
        <translation>&lt;b&gt;敏感性&lt;/b&gt;：排名随各项权重（−100…+100）的变化 · 底色：{band}</translation>
    </message>
    <message>
        <source>The company&apos;s rank (1 at the top) as each weight sweeps from {low} to {high} in steps of 10, the other weights fixed. Shaded: ranks 1 to {n}. Dashed line: the weight now, with a dot at the rank now. A gap (× on the axis): not ranked at that weight (the missing-data policy leaves it out).</source>
        <translation>其余权重不变，某一权重从 {low} 到 {high} 以 10 为步长变化时该企业的排名（第 1 名在最上方）。底色：第 1 至 {n} 名。虚线：当前权重，圆点标出当前排名。断开处（轴上标 ×）：该权重下未参与排名（缺失数据处理规则将其排除）。</translation>
    </message>
    <message>
        <source>Select a company</source>
        <translation>请选择一家公司</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>StageDelegate</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Named weights: the built-in presets and your saved profiles</source>
        <translation>命名权重：内置预设和您保存的权重方案</translation>
    </message>
    <message>
        <source>Weight preset</source>
        <translation>权重预设</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>权重方案</translation>
    </message>
    <message>
        <source>Save current weights as…</source>
        <translation>将当前权重另存为…</translation>
    </message>
    <message>
        <source>Rename profile…</source>
        <translation>重命名方案…</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>{signal} weight</source>
        <translation>{signal}权重</translation>
    </message>
    <message>
        <source>{signal} weight value</source>
        <translation>{signal}权重值</translation>
    </message>
    <message>
        <source>What a figure the report does not disclose counts as</source>
        <translation>报告未披露的数据如何计入</translation>
    </message>
    <message>
        <source>Missing-data policy</source>
        <translation>缺失数据处理</translation>
    </message>
    <message>
        <source>Advanced: sub-weights</source>
        <translation>高级：子权重</translation>
    </message>
    <message>
        <source>Mix inside value (relative; all zero counts as equal)</source>
        <translation>市场空间内部的构成（相对比例；全部为零时视为均等）</translation>
    </message>
    <message>
        <source>Mix inside difficulty (relative; all zero counts as equal)</source>
        <translation>落地难度内部的构成（相对比例；全部为零时视为均等）</translation>
    </message>
    <message>
        <source>Mix inside funding (relative; all zero counts as equal)</source>
        <translation>融资内部的构成（相对比例；全部为零时视为均等）</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the balanced preset, undisclosed counting as zero</source>
        <translation>恢复“均衡”预设，未披露数据按零计</translation>
    </message>
    <message>
        <source>My: {name}</source>
        <translation>我的：{name}</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <source>Save weights as a profile</source>
        <translation>将权重保存为方案</translation>
    </message>
    <message>
        <source>Replace profile?</source>
        <translation>替换方案？</translation>
    </message>
    <message>
        <source>A profile named “{name}” exists. Replace it?</source>
        <translation>已有名为“{name}”的方案。要替换吗？</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>Delete profile?</source>
        <translation>删除方案？</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>要删除方案“{name}”吗？</translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>方案未保存</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Number of companies</source>
        <translation>公司数量</translation>
    </message>
    <message>
        <source>Disclosed funding</source>
        <translation>已披露融资额</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Toggle &amp;shortlist</source>
        <translation>加入/移出候选清单(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import companies…</source>
        <translation>导入公司(&amp;I)…</translation>
    </message>
    <message>
        <source>Screen your own universe: a CSV or XLSX table of companies</source>
        <translation>筛选您自己的公司范围：CSV 或 XLSX 格式的公司表</translation>
    </message>
    <message>
        <source>&amp;Add companies…</source>
        <translation>添加公司(&amp;A)…</translation>
    </message>
    <message>
        <source>Put your own companies (a CSV or XLSX table) beside the dataset&apos;s; those already in it are merged, and listed for you to confirm</source>
        <translation>将您自己的公司（CSV 或 XLSX 表）加入数据集；已有的公司会被合并，并列出供您确认</translation>
    </message>
    <message>
        <source>&amp;Report data</source>
        <translation>报告数据(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the companies of the report</source>
        <translation>回到报告中的公司</translation>
    </message>
    <message>
        <source>&amp;Export memo…</source>
        <translation>导出投资备忘录(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the shortlist (or the top N) as an Excel memo</source>
        <translation>将候选清单（或前 N 名）导出为 Excel 投资备忘录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find company</source>
        <translation>查找公司(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选条件(&amp;C)</translation>
    </message>
    <message>
        <source>Sort by &amp;score</source>
        <translation>按得分排序(&amp;S)</translation>
    </message>
    <message>
        <source>Back to score order</source>
        <translation>恢复按得分排序</translation>
    </message>
    <message>
        <source>S&amp;hortlist only</source>
        <translation>仅看候选清单(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Focus on details</source>
        <translation>专注详情(&amp;F)</translation>
    </message>
    <message>
        <source>Collapse the filters and give the detail pane most of the width (again to go back)</source>
        <translation>收起筛选面板，把大部分宽度留给详情（再按一次恢复）</translation>
    </message>
    <message>
        <source>Ran&amp;king table</source>
        <translation>排名表(&amp;K)</translation>
    </message>
    <message>
        <source>The companies ranked under the current weights</source>
        <translation>按当前权重排名的公司</translation>
    </message>
    <message>
        <source>&amp;Lenses</source>
        <translation>多视角(&amp;L)</translation>
    </message>
    <message>
        <source>Every company&apos;s rank under every preset and saved profile; robust and Pareto-optimal picks</source>
        <translation>每家公司在各预设和已保存方案下的排名；稳健与帕累托最优之选</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>项目管线(&amp;P)</translation>
    </message>
    <message>
        <source>Your deal pipeline, grouped by stage</source>
        <translation>您的项目管线，按阶段分组</translation>
    </message>
    <message>
        <source>Add &amp;fact…</source>
        <translation>添加事实(&amp;F)…</translation>
    </message>
    <message>
        <source>Add your own fact about the company shown — a round, valuation, client, outcome, listing or correction — with its source</source>
        <translation>为当前公司添加您自己的事实——融资轮次、估值、客户、成果、上市或更正——并注明来源</translation>
    </message>
    <message>
        <source>Include &amp;my facts</source>
        <translation>计入我的补充事实(&amp;M)</translation>
    </message>
    <message>
        <source>Count your facts in the ranking (off: the report&apos;s ranking; your facts stay shown)</source>
        <translation>在排名中计入您的补充事实（关闭：按报告排名；您的事实仍会显示）</translation>
    </message>
    <message>
        <source>&amp;Compare selected</source>
        <translation>对比所选(&amp;C)</translation>
    </message>
    <message>
        <source>Compare 2 to 5 companies side by side (select them with Ctrl+click in the table)</source>
        <translation>并排对比 2 至 5 家公司（在表格中按 Ctrl+单击选择）</translation>
    </message>
    <message>
        <source>Compare s&amp;hortlist</source>
        <translation>对比候选清单(&amp;H)</translation>
    </message>
    <message>
        <source>Compare the shortlisted companies side by side (2 to 5)</source>
        <translation>并排对比已入选候选清单的公司（2 至 5 家）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AIGC Screener</source>
        <translation>关于 AIGC Screener(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Segment map marks sized by</source>
        <translation>细分赛道图标记大小依据</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compare side by side: the companies selected in the table (Ctrl+click), or the shortlist when fewer than 2 are selected</source>
        <translation>并排对比：表格中所选的公司（Ctrl+单击），所选少于 2 家时对比候选清单</translation>
    </message>
    <message>
        <source>How the score is made</source>
        <translation>得分如何计算</translation>
    </message>
    <message>
        <source>The language changes when you start AIGC Screener again.</source>
        <extracomment>The message of a change of language, in the language chosen too (its reader may not read the one shown now).</extracomment>
        <translation>界面语言将在下次启动 AIGC Screener 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>{action}: {step}</source>
        <translation>{action}：{step}</translation>
    </message>
</context>
<context>
    <name>analysis</name>
    <message>
        <source>The lenses could not be computed: {error}</source>
        <translation>无法计算多视角：{error}</translation>
    </message>
    <message>
        <source>Not in this dataset</source>
        <translation>不在此数据集中</translation>
    </message>
    <message>
        <source>Could not be computed: {error}</source>
        <translation>无法计算：{error}</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
</context>
<context>
    <name>analyst</name>
    <message>
        <source>Funding round</source>
        <extracomment>Kinds counted in the signals (a correction note is shown, never counted). What each kind is called in a view. (English source text: :func:`fact_kind_label` gives it in the current language.)</extracomment>
        <translation>融资轮次</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Screening</source>
        <extracomment>The pipeline&apos;s stages, in order (their labels may be renamed: core.state.StateStore.rename_stage). The stages&apos; default labels (English source text, kept as the state&apos;s default: a label the user has not renamed is shown in the current language by :func:`stage_default_label` and core.present.stage_label).</extracomment>
        <translation>初筛</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已接触</translation>
    </message>
    <message>
        <source>Diligence</source>
        <translation>尽职调查</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>投委会</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>已投资</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>write it as the report does, with its currency: &quot;50亿美元&quot;, &quot;2.5亿元&quot;, &quot;数千万元&quot;, &quot;$20M&quot;</source>
        <extracomment>The longest text each field takes (a longer one is refused, never cut). The grammar an amount is written in, for messages.</extracomment>
        <translation>请按报告的写法并注明币种：“50亿美元”“2.5亿元”“数千万元”“$20M”</translation>
    </message>
    <message>
        <source>find ids with `python3 main.py rank --format json` (field id) or in the detail view</source>
        <extracomment>How to find a company&apos;s id, for messages.</extracomment>
        <translation>可用 `python3 main.py rank --format json`（id 字段）或在详情视图中查找企业 id</translation>
    </message>
    <message>
        <source>at most {most} characters, got {got}; shorten it</source>
        <translation>最多 {most} 个字符，实际 {got} 个；请缩短</translation>
    </message>
    <message>
        <source>investors are names (text)</source>
        <translation>投资方应为名称（文本）</translation>
    </message>
    <message>
        <source>at most {most} investors, got {got}</source>
        <translation>最多 {most} 个投资方，实际 {got} 个</translation>
    </message>
    <message>
        <source>cannot read {text} as an amount ({reason})</source>
        <translation>无法将 {text} 识别为金额（{reason}）</translation>
    </message>
    <message>
        <source>{text} names no currency; {grammar}</source>
        <translation>{text} 未注明币种；{grammar}</translation>
    </message>
    <message>
        <source>required; give it</source>
        <translation>必填；请填写</translation>
    </message>
    <message>
        <source>choose one of {kinds}, got {got}</source>
        <translation>请从 {kinds} 中选择，实际为 {got}</translation>
    </message>
    <message>
        <source>required: where the fact comes from (a URL or a document); give it</source>
        <translation>必填：事实的来源（网址或文件）；请填写</translation>
    </message>
    <message>
        <source>not a field of a fact</source>
        <translation>不是事实的字段</translation>
    </message>
    <message>
        <source>a company id such as &apos;zhipu&apos; (letters, digits, . _ -), got {got}; {find}</source>
        <translation>企业 id，例如“zhipu”（字母、数字及 . _ -），实际为 {got}；{find}</translation>
    </message>
    <message>
        <source>the date of the event: {why}</source>
        <translation>事件日期：{why}</translation>
    </message>
    <message>
        <source>the date you saw it as YYYY-MM-DD, got {got}</source>
        <translation>获知日期，格式为 YYYY-MM-DD，实际为 {got}</translation>
    </message>
    <message>
        <source>no such day: {got}</source>
        <translation>不存在该日期：{got}</translation>
    </message>
    <message>
        <source>who entered the fact; give a name</source>
        <translation>录入人；请填写姓名</translation>
    </message>
    <message>
        <source>a funding fact needs its amount or its round (or both), e.g. amount &quot;5亿元&quot; round &quot;B轮&quot;; {grammar}</source>
        <translation>融资事实需要金额或轮次（或两者），例如金额“5亿元”、轮次“B轮”；{grammar}</translation>
    </message>
    <message>
        <source>{round} names no round (write &quot;A轮&quot;, &quot;Series B&quot;, &quot;Pre-A&quot;, &quot;IPO&quot; ...) and there is no amount</source>
        <translation>{round} 不是轮次名称（请写“A轮”“Series B”“Pre-A”“IPO”等），且没有金额</translation>
    </message>
    <message>
        <source>a valuation fact needs the valuation; {grammar}</source>
        <translation>估值事实需要估值；{grammar}</translation>
    </message>
    <message>
        <source>a {kind} fact needs the text of what happened</source>
        <translation>{kind} 类事实需要写明发生了什么</translation>
    </message>
    <message>
        <source>a listing fact needs the listing date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>上市事实需要上市日期（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>a {kind} fact has no round, amount or investors; use a funding fact</source>
        <translation>{kind} 类事实没有轮次、金额或投资方；请使用融资事实</translation>
    </message>
    <message>
        <source>there is no company {id} in {dataset}; {find}</source>
        <extracomment>The kind-specific fields of a fact (FactInput.field_values, the ``fields`` JSON of the store).</extracomment>
        <translation>{dataset} 中没有企业 {id}；{find}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{problem} The app runs without saving your shortlist and notes this time.</source>
        <translation>{problem} 本次运行将不会保存您的候选清单和笔记。</translation>
    </message>
    <message>
        <source>The universe you imported last, {path}, is no longer there</source>
        <translation>您上次导入的筛选范围 {path} 已不存在</translation>
    </message>
    <message>
        <source>These files of companies you added last time are no longer there, so their companies are not shown: {files}. Add them again with File → Add companies…</source>
        <translation>您上次添加的以下公司文件已不存在，其中的公司不再显示：{files}。请通过 文件 → 添加公司… 重新添加</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Rank by score in the universe: equal scores (to one decimal) share a rank, shown “8=” (click to return to score order)</source>
        <extracomment>What a column holds, for a writer that types its cells (the memo&apos;s number formats). the universe under every lens (core.lenses), once computed: the robust and Pareto badges; None while it is not (or no longer) the ranking&apos;s universe the pipeline (core.analyst): each company&apos;s stage, by id; the stages&apos; labels (as the user renamed them) and their order — set by the view that shows the Stage column</extracomment>
        <translation>按得分在筛选范围内的排名：得分相同（保留一位小数）者并列，显示为“8=”（点击恢复按得分排序）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>The place in the ranked list (inside a tie: more quoted evidence, then disclosed capital, then name)</source>
        <translation>在排名列表中的位置（并列时：依据引文较多者在前，其次已披露融资额，再次名称）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What kind of company it is (bank, startup, AI vendor …)</source>
        <translation>企业类型（银行、初创企业、AI厂商 …）</translation>
    </message>
    <message>
        <source>Change of rank since the last weight change (▲ up, ▼ down)</source>
        <translation>自上次调整权重以来的排名变化（▲ 上升，▼ 下降）</translation>
    </message>
    <message>
        <source>Shortlisted (Space toggles)</source>
        <translation>已入选候选清单（按空格键切换）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>The name as the report writes it, with the English name</source>
        <translation>报告中的企业名称，附英文名</translation>
    </message>
    <message>
        <source>{robust_mark} robust: {robust} (every preset and saved profile; see the Lenses tab) · {pareto_mark} Pareto-optimal: {pareto}</source>
        <translation>{robust_mark} 稳健：{robust}（所有预设及已保存的方案；见“多视角”标签页） · {pareto_mark} 帕累托最优：{pareto}</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Ctry</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>The report&apos;s segments (section refs) the company plays in</source>
        <translation>企业所在的报告细分赛道（章节编号）</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Score 0–100 under the current weights</source>
        <translation>当前权重下的得分（0–100）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Value signal 0–1: market-space stars of the company&apos;s segments</source>
        <translation>市场空间信号 0–1：企业所在细分赛道的市场空间星级</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Difficulty signal 0–1: logic, compute and corpus stars (higher = harder)</source>
        <translation>落地难度信号 0–1：逻辑难度、算力成本与语料成本星级（越高越难）</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Funding signal 0–1: disclosed capital, valuation, recency, stage</source>
        <translation>融资信号 0–1：已披露融资额、估值、时效与阶段</translation>
    </message>
    <message>
        <source>Disclosed (USD)</source>
        <translation>已披露融资额（美元）</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>已披露</translation>
    </message>
    <message>
        <source>Disclosed capital in US dollars; ≈ where the text is vague or in yuan</source>
        <translation>已披露融资额（美元）；原文表述模糊或以人民币计时标 ≈</translation>
    </message>
    <message>
        <source>Disclosed is approximate</source>
        <translation>已披露融资额为近似值</translation>
    </message>
    <message>
        <source>Amount as written</source>
        <translation>原文金额</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Every amount the report gives, as written</source>
        <translation>报告给出的全部金额，按原文</translation>
    </message>
    <message>
        <source>Latest round</source>
        <translation>最新轮次</translation>
    </message>
    <message>
        <source>The latest completed round with a name or a date, in the report&apos;s words</source>
        <translation>最近一次已完成且有名称或日期的轮次，按报告原文</translation>
    </message>
    <message>
        <source>Valuation (USD)</source>
        <translation>估值（美元）</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Latest valuation in US dollars; ≈ where the text is vague or in yuan</source>
        <translation>最新估值（美元）；原文表述模糊或以人民币计时标 ≈</translation>
    </message>
    <message>
        <source>Valuation is approximate</source>
        <translation>估值为近似值</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>排名稳定性</translation>
    </message>
    <message>
        <source>Stab.</source>
        <translation>稳定性</translation>
    </message>
    <message>
        <source>Rank stability: {definition}</source>
        <translation>排名稳定性：{definition}</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>The company&apos;s stage in your pipeline (Screening, Contacted, Diligence, Committee, Invested, Passed); empty when it is not in it. Edit it in the Pipeline tab</source>
        <translation>企业在你的项目管线中的阶段（初筛、已接触、尽职调查、投委会、已投资、已放弃）；不在管线中则为空。可在“项目管线”标签页中编辑</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Change weights</source>
        <extracomment>Weights and missing-data policy, as one undoable state.</extracomment>
        <translation>调整权重</translation>
    </message>
    <message>
        <source>Shortlist {name}</source>
        <translation>将{name}加入候选清单</translation>
    </message>
    <message>
        <source>Unshortlist {name}</source>
        <translation>将{name}移出候选清单</translation>
    </message>
    <message>
        <source>Add fact about {name}</source>
        <translation>添加关于{name}的事实</translation>
    </message>
    <message>
        <source>Restore fact about {name}</source>
        <translation>恢复关于{name}的事实</translation>
    </message>
    <message>
        <source>Retire fact about {name}</source>
        <translation>停用关于{name}的事实</translation>
    </message>
    <message>
        <source>Edit fact about {name}</source>
        <translation>编辑关于{name}的事实</translation>
    </message>
</context>
<context>
    <name>compare_view</name>
    <message>
        <source>Value</source>
        <extracomment>How many companies Compare puts side by side. The width of one company&apos;s column and of the row labels (px), for the dialog&apos;s first size. The share of the table&apos;s width the row labels take (%). The signals as the comparison names them (translated at use, context &quot;compare_view&quot;).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Select them in the table with Ctrl+click (or Shift+click for a range) and choose View → Compare selected (Ctrl+Shift+C), or shortlist them and choose Compare shortlist.</source>
        <translation>请在表格中按住 Ctrl 单击（或按住 Shift 单击选择一段范围）选中它们，然后选择“视图 → 对比所选”（Ctrl+Shift+C）；或将它们加入候选清单，再选择“对比候选清单”。</translation>
    </message>
    <message>
        <source>Compare needs {min} to {max} companies; no company is selected. {how}</source>
        <translation>对比需要 {min} 至 {max} 家公司；当前未选中任何公司。{how}</translation>
    </message>
    <message>
        <source>Compare needs {min} to {max} companies; only 1 company is selected. {how}</source>
        <translation>对比需要 {min} 至 {max} 家公司；当前只选中了 1 家。{how}</translation>
    </message>
    <message>
        <source>Compare shows at most {max} companies side by side; {n} are selected. Select {min} to {max}. {how}</source>
        <translation>对比最多并排显示 {max} 家公司；当前选中了 {n} 家。请选择 {min} 至 {max} 家。{how}</translation>
    </message>
    <message>
        <source>{rank} of {total} {universe}&lt;br&gt;score &lt;b&gt;{score}&lt;/b&gt;</source>
        <translation>{total} 家{universe}中排名 {rank}&lt;br&gt;得分 &lt;b&gt;{score}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>being computed</source>
        <translation>计算中</translation>
    </message>
    <message>
        <source>robust</source>
        <translation>稳健</translation>
    </message>
    <message>
        <source>Pareto-optimal</source>
        <translation>帕累托最优</translation>
    </message>
    <message>
        <source>in the top {top_n} under {count} of {lenses} lenses</source>
        <translation>在 {lenses} 个视角中有 {count} 个排进前 {top_n}</translation>
    </message>
    <message>
        <source> (counted as {signal})</source>
        <translation>（按 {signal} 计）</translation>
    </message>
    <message>
        <source>(weight {weight})</source>
        <translation>（权重 {weight}）</translation>
    </message>
    <message>
        <source>Disclosed {disclosed}&lt;br&gt;Valuation {valuation}&lt;br&gt;Latest round {round}</source>
        <translation>已披露融资额 {disclosed}&lt;br&gt;估值 {valuation}&lt;br&gt;最新轮次 {round}</translation>
    </message>
    <message>
        <source>no segment</source>
        <translation>无细分赛道</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Logic</source>
        <translation>逻辑难度</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>算力成本</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料成本</translation>
    </message>
    <message>
        <source>no financing disclosed</source>
        <translation>未披露融资</translation>
    </message>
    <message>
        <source>valuation {valuation}</source>
        <translation>估值 {valuation}</translation>
    </message>
    <message>
        <source>investors</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>no clients, outcomes or products named</source>
        <translation>未提及客户、成果或产品</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>无笔记</translation>
    </message>
    <message>
        <source>country not known</source>
        <translation>国家/地区未知</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation>多视角</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>得分构成</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>Funding timeline</source>
        <translation>融资历程</translation>
    </message>
    <message>
        <source>Traction &amp; facts</source>
        <translation>市场进展与事实</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>您的笔记</translation>
    </message>
</context>
<context>
    <name>detail_view</name>
    <message>
        <source>Value</source>
        <extracomment>A link to another company in the detail view: &quot;company:&lt;id&gt;&quot;. The links of the &quot;My facts&quot; section: &quot;fact-edit:&lt;id&gt;&quot;, &quot;fact-retire:&lt;id&gt;&quot;, &quot;fact-restore:&lt;id&gt;&quot;, and &quot;fact-add:&quot; (a new fact about the company shown). The colour of the analyst&apos;s own facts (and their marks) in the detail view. The signals as the score breakdown names them (translated at use, context &quot;detail_view&quot;).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Funding</source>
        <extracomment>The kinds of the analyst&apos;s facts as the &quot;My facts&quot; section names them (translated at use).</extracomment>
        <translation>融资</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>undisclosed</source>
        <extracomment>Keeps a cell or a span on one line (&quot;≈ $381.9M&quot;, &quot;★★★☆☆&quot;, &quot;Difficulty&quot;). The longest contribution bar in the detail view (100 points), in pixels. A dollar figure inside a sentence: &quot;≈ $381.9M&quot;, &quot;at least $1.00B&quot;, &quot;-$5K&quot;.</extracomment>
        <translation>未披露</translation>
    </message>
    <message>
        <source>Traction &amp; facts</source>
        <translation>市场进展与事实</translation>
    </message>
    <message>
        <source>The report names no clients, outcomes or products of this company.</source>
        <translation>报告未提及这家公司的客户、成果或产品。</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names} 及另外 {more} 家</translation>
    </message>
    <message>
        <source>Shares rank {rank} with {names} (all {score}); {tie_order}.</source>
        <translation>与 {names} 并列排名 {rank}（得分均为 {score}）；{tie_order}。</translation>
    </message>
    <message>
        <source>{n} distinct sentence of the report</source>
        <translation>报告中 {n} 个不同的句子</translation>
    </message>
    <message>
        <source>{n} distinct sentences of the report</source>
        <translation>报告中 {n} 个不同的句子</translation>
    </message>
    <message>
        <source>market space {signal} ({stars}★ on average)</source>
        <translation>赛道市场空间 {signal}（平均 {stars}★）</translation>
    </message>
    <message>
        <source>market space: no segment in this universe</source>
        <translation>赛道市场空间：筛选范围内无细分赛道</translation>
    </message>
    <message>
        <source>traction {signal} ({sentences})</source>
        <translation>市场进展 {signal}（{sentences}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value&lt;/b&gt; = weighted mean of {market}, weight {market_weight}; {traction}, weight {traction_weight}</source>
        <translation>&lt;b&gt;市场空间&lt;/b&gt; = 以下各项的加权平均：{market}，权重 {market_weight}；{traction}，权重 {traction_weight}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Funding&lt;/b&gt;: the report discloses no figure (capital, valuation, date or stage); {policy}.</source>
        <translation>&lt;b&gt;融资&lt;/b&gt;：报告未披露任何数据（融资额、估值、日期或阶段）；{policy}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Funding&lt;/b&gt; = weighted mean of what counts, scaled so the best company has 1:</source>
        <translation>&lt;b&gt;融资&lt;/b&gt; = 计入各项的加权平均，按最优公司为 1 缩放：</translation>
    </message>
    <message>
        <source>{part}, weight {weight}</source>
        <translation>{part}，权重 {weight}</translation>
    </message>
    <message>
        <source>My facts</source>
        <translation>我的补充事实</translation>
    </message>
    <message>
        <source>Add fact…</source>
        <translation>添加事实…</translation>
    </message>
    <message>
        <source>None yet. {add_fact} (Ctrl+Shift+F): a round, a valuation, a client, an outcome, a listing or a correction, with its source.</source>
        <translation>暂无。{add_fact}（Ctrl+Shift+F）：融资轮次、估值、客户、成果、上市或更正，并注明来源。</translation>
    </message>
    <message>
        <source>Counted in the ranking (View → Include my facts).</source>
        <translation>已计入排名（视图 → 计入我的补充事实）。</translation>
    </message>
    <message>
        <source>Not counted: View → Include my facts is off; the ranking is the report&apos;s.</source>
        <translation>未计入：“视图 → 计入我的补充事实”已关闭，排名仅依据报告。</translation>
    </message>
    <message>
        <source>Investors: {investors}</source>
        <translation>投资方：{investors}</translation>
    </message>
    <message>
        <source>⚠ Differs from the report: {fact} (the report&apos;s fact is kept as it is)</source>
        <translation>⚠ 与报告不一致：{fact}（报告中的事实保持不变）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>&lt;b&gt;Retired&lt;/b&gt; (kept in the history)</source>
        <translation>&lt;b&gt;已停用&lt;/b&gt;（保留在历史记录中）</translation>
    </message>
    <message>
        <source>retired {when}</source>
        <translation>停用于 {when}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>country not known</source>
        <translation>国家/地区未知</translation>
    </message>
    <message>
        <source>Roles: {roles}</source>
        <translation>角色：{roles}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Also known as / products:&lt;/b&gt; {aliases}</source>
        <translation>&lt;b&gt;别名 / 产品：&lt;/b&gt;{aliases}</translation>
    </message>
    <message>
        <source>Data note: {note}</source>
        <translation>数据说明：{note}</translation>
    </message>
    <message>
        <source>Rank {rank} of {total} {universe} · score {score}</source>
        <translation>{total} 家{universe}中排名 {rank} · 得分 {score}</translation>
    </message>
    <message>
        <source>{reason} · score {score}</source>
        <translation>{reason} · 得分 {score}</translation>
    </message>
    <message>
        <source>signal {signal} (not disclosed; counted as {counted})</source>
        <translation>信号 {signal}（未披露；按 {counted} 计）</translation>
    </message>
    <message>
        <source>signal {signal}</source>
        <translation>信号 {signal}</translation>
    </message>
    <message>
        <source>prefers less</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>prefers more</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>off</source>
        <translation>不计入</translation>
    </message>
    <message>
        <source>{signal}, weight {weight} ({direction})</source>
        <translation>{signal}，权重 {weight}（{direction}）</translation>
    </message>
    <message>
        <source>{stability} {policy}.</source>
        <translation>{stability}{policy}。</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Logic</source>
        <translation>逻辑难度</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>算力成本</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料成本</translation>
    </message>
    <message>
        <source>Disclosed capital: &lt;b&gt;{capital}&lt;/b&gt; · latest valuation: &lt;b&gt;{valuation}&lt;/b&gt; · latest round: &lt;b&gt;{round}&lt;/b&gt;</source>
        <translation>已披露融资额：&lt;b&gt;{capital}&lt;/b&gt; · 最新估值：&lt;b&gt;{valuation}&lt;/b&gt; · 最新轮次：&lt;b&gt;{round}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Investors</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>The report discloses no financing for this company.</source>
        <translation>报告未披露这家公司的融资情况。</translation>
    </message>
    <message>
        <source>What the report says</source>
        <translation>报告原文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Stability is {definition}.</source>
        <translation>排名稳定性是指{definition}。</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Could not import {file}</source>
        <translation>无法导入 {file}</translation>
    </message>
    <message>
        <source>{problems} Nothing was changed: the companies on screen, your shortlist and notes are as they were. Fix these in your spreadsheet and import again:</source>
        <translation>{problems} 没有任何更改：屏幕上的公司、您的候选清单和笔记均保持原样。请在电子表格中修正以下问题后重新导入：</translation>
    </message>
    <message>
        <source>{what} not saved</source>
        <translation>{what}未保存</translation>
    </message>
    <message>
        <source>Memo not saved</source>
        <translation>投资备忘录未保存</translation>
    </message>
    <message>
        <source>Save under another name…</source>
        <translation>另存为其他名称…</translation>
    </message>
    <message>
        <source>Notes not saved</source>
        <translation>笔记未保存</translation>
    </message>
    <message>
        <source>{count} note(s) could not be saved (another copy of the app may be using your saved data). Close anyway? Their text will be on the clipboard.</source>
        <translation>有 {count} 条笔记无法保存（可能有另一个应用实例正在使用您保存的数据）。仍要关闭吗？这些笔记的文字将复制到剪贴板。</translation>
    </message>
    <message>
        <source>How the score is made</source>
        <translation>得分如何计算</translation>
    </message>
    <message>
        <source>Move through the companies of the table (the detail follows)</source>
        <extracomment>Keys that are no menu action: where they work and what they do. (Translated at use, in the context &quot;dialogs&quot;.)</extracomment>
        <translation>在表中的公司之间移动（详情随之切换）</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Star or unstar the current company (in the table)</source>
        <translation>将当前公司加入或移出候选清单（在表中）</translation>
    </message>
    <message>
        <source>Enter or ↓</source>
        <translation>Enter 或 ↓</translation>
    </message>
    <message>
        <source>In the search box: go to the first result</source>
        <translation>在搜索框中：跳到第一个结果</translation>
    </message>
    <message>
        <source>On the segment map: move between segments</source>
        <translation>在细分赛道图上：在细分赛道之间移动</translation>
    </message>
    <message>
        <source>On the segment map: clear the segment filter</source>
        <translation>在细分赛道图上：清除细分赛道筛选</translation>
    </message>
    <message>
        <source>Right-click a column header</source>
        <translation>右键单击列标题</translation>
    </message>
    <message>
        <source>Choose the columns; drag a header to move its column</source>
        <translation>选择显示的列；拖动列标题可移动该列</translation>
    </message>
    <message>
        <source>appendix sections {numbers}</source>
        <extracomment>What the columns of signals mean (their tooltips, said once in core.columns).</extracomment>
        <translation>附录第 {numbers} 节</translation>
    </message>
    <message>
        <source>appendix section {numbers}</source>
        <translation>附录第 {numbers} 节</translation>
    </message>
    <message>
        <source>sections {numbers}</source>
        <translation>第 {numbers} 节</translation>
    </message>
    <message>
        <source>section {numbers}</source>
        <translation>第 {numbers} 节</translation>
    </message>
    <message>
        <source>&lt;b&gt;{signal}&lt;/b&gt;: {meaning}</source>
        <translation>&lt;b&gt;{signal}&lt;/b&gt;：{meaning}</translation>
    </message>
    <message>
        <source>{name}: the companies named in {title}, {sections}. Every fact shown comes with the sentence of the report it is read from and its section.</source>
        <translation>{title}（{sections}）中提及的公司（数据集：{name}）。显示的每条事实都附有其出处的报告原句及所在章节。</translation>
    </message>
    <message>
        <source>{name}: the companies named in {title}. Every fact shown comes with the sentence of the report it is read from and its section.</source>
        <translation>{title}中提及的公司（数据集：{name}）。显示的每条事实都附有其出处的报告原句及所在章节。</translation>
    </message>
    <message>
        <source>Stability is {definition}. It says how much a company&apos;s place in the top depends on the exact weights: 100% stays in the top whatever the small changes.</source>
        <translation>排名稳定性是指{definition}。它表示一家公司能否位居前列在多大程度上取决于权重的精确取值：100% 表示无论权重如何小幅变动，都稳居前列。</translation>
    </message>
    <message>
        <source>The Lenses tab ranks the universe under every built-in preset and every saved profile. {robust_mark} robust: {robust} (the threshold is yours); {pareto_mark} Pareto-optimal: {pareto}. Both marks also stand before the name in the table.</source>
        <translation>“多视角”标签页按每个内置预设和每个已保存方案对筛选范围内的公司排名。{robust_mark} 稳健：{robust}（阈值由您设定）；{pareto_mark} 帕累托最优：{pareto}。这两个标记也显示在表中公司名称之前。</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>The signals</source>
        <translation>各项信号</translation>
    </message>
    <message>
        <source>How the score is computed</source>
        <translation>得分如何计算</translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation>排名稳定性</translation>
    </message>
    <message>
        <source>Lenses, sensitivity and compare</source>
        <translation>多视角、敏感性与对比</translation>
    </message>
    <message>
        <source>The sensitivity charts of the detail view show the company&apos;s rank as one weight sweeps from −100 to +100 in steps of 10, the other weights fixed; the shaded band is the top 10, the dashed line the weight now.</source>
        <translation>详情视图中的敏感性图表显示：当某一权重以 10 为步长从 −100 变化到 +100、其他权重保持不变时，该公司的排名；阴影带为前 10 名，虚线为当前权重。</translation>
    </message>
    <message>
        <source>Compare puts 2 to 5 companies side by side: select them with Ctrl+click in the table, or shortlist them.</source>
        <translation>“对比”可将 2 至 5 家公司并排比较：在表中按住 Ctrl 单击选择它们，或将它们加入候选清单。</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Help — AIGC Screener</source>
        <translation>帮助 — AIGC Screener</translation>
    </message>
    <message>
        <source>A desktop screener for the companies named in 《中美 AIGC 产业商业化落地生态与发展趋势分析报告》: rank them by weights you choose, read the report&apos;s evidence for each, shortlist, take notes and export a memo.</source>
        <translation>一款桌面筛选工具，面向《中美 AIGC 产业商业化落地生态与发展趋势分析报告》中提及的公司：按您选择的权重排名，查阅报告中关于每家公司的依据，加入候选清单、记录笔记并导出投资备忘录。</translation>
    </message>
    <message>
        <source>About AIGC Screener</source>
        <translation>关于 AIGC Screener</translation>
    </message>
</context>
<context>
    <name>facts_dialog</name>
    <message>
        <source>Funding round</source>
        <extracomment>The kinds of fact, in the order offered, with how the dialog names them (in English; shown through :func:`_t`, context &quot;facts_dialog&quot;).</extracomment>
        <translation>融资轮次</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Client won</source>
        <translation>新签客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Correction note</source>
        <translation>更正说明</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>The fields each kind shows (source and date seen are always shown). How each field is named to the user (labels and error messages; in English, shown through :func:`_t`).</extracomment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Investors</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date seen</source>
        <translation>获知日期</translation>
    </message>
    <message>
        <source>The client won, e.g. 招商银行 or “a top-3 state bank”</source>
        <extracomment>What the &quot;text&quot; field asks for, by kind.</extracomment>
        <translation>新签的客户，例如 招商银行 或“某前三大国有银行”</translation>
    </message>
    <message>
        <source>What happened, e.g. “contract renewed for 3 years”</source>
        <translation>发生了什么，例如“合同续签 3 年”</translation>
    </message>
    <message>
        <source>Where and when it listed, e.g. “HKEX, ticker 2556”</source>
        <translation>上市地点与时间，例如“港交所，股票代码 2556”</translation>
    </message>
    <message>
        <source>What the report gets wrong, and what is right</source>
        <translation>报告哪里有误，正确的情况是什么</translation>
    </message>
    <message>
        <source>as the report writes them: 50亿美元, 2.5亿元, 数千万元, $20M, 3000万人民币</source>
        <translation>按报告的写法：50亿美元、2.5亿元、数千万元、$20M、3000万人民币</translation>
    </message>
    <message>
        <source>Choose a kind of fact: {kinds}.</source>
        <translation>请选择事实类型：{kinds}。</translation>
    </message>
    <message>
        <source>Say where this comes from: a URL or a document (required).</source>
        <translation>请注明来源：网址或文件（必填）。</translation>
    </message>
    <message>
        <source>“{text}” cannot be read as an amount. Write amounts {grammar}.</source>
        <translation>无法将“{text}”识别为金额。金额请{grammar}。</translation>
    </message>
    <message>
        <source>“{date}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-03).</source>
        <translation>“{date}”不是有效日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD（例如 2025-03）。</translation>
    </message>
    <message>
        <source>Give the amount or the round (or both).</source>
        <translation>请填写金额或轮次（或两者都填）。</translation>
    </message>
    <message>
        <source>Give the valuation, e.g. 50亿美元.</source>
        <translation>请填写估值，例如 50亿美元。</translation>
    </message>
    <message>
        <source>Say what happened: {hint}.</source>
        <translation>请说明发生了什么：{hint}。</translation>
    </message>
    <message>
        <source>not an amount yet — write it {grammar}</source>
        <translation>尚不是有效金额——请{grammar}</translation>
    </message>
    <message>
        <source>read as a figure without a currency (add 元 or 美元 to count it in US dollars)</source>
        <translation>识别为不带币种的数字（加上“元”或“美元”即可折算为美元）</translation>
    </message>
    <message>
        <source>reads as {usd}</source>
        <translation>折合 {usd}</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>Unknown</source>
        <extracomment>In ``Filters.countries``: the companies whose country is not known (the table holds &quot;&quot;). How that choice is named to the user (the country filter, ``--country unknown``): English source text, :func:`unknown_country_label` in the current language.</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not in the pipeline</source>
        <extracomment>In ``Filters.stages``: the companies not in the pipeline (no stage). How that choice is named to the user (:func:`no_stage_label` in the current language).</extracomment>
        <translation>不在项目管线中</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>search “{query}”</source>
        <translation>搜索“{query}”</translation>
    </message>
    <message>
        <source>country {values}</source>
        <translation>国家/地区 {values}</translation>
    </message>
    <message>
        <source>segment {values}</source>
        <translation>细分赛道 {values}</translation>
    </message>
    <message>
        <source>scenario {values}</source>
        <translation>应用场景 {values}</translation>
    </message>
    <message>
        <source>industry {values}</source>
        <translation>行业 {values}</translation>
    </message>
    <message>
        <source>role {values}</source>
        <translation>角色 {values}</translation>
    </message>
    <message>
        <source>kind {values}</source>
        <translation>类型 {values}</translation>
    </message>
    <message>
        <source>not in the pipeline</source>
        <translation>不在项目管线中</translation>
    </message>
    <message>
        <source>stage {values}</source>
        <translation>阶段 {values}</translation>
    </message>
    <message>
        <source>funding disclosed only</source>
        <translation>仅限已披露融资</translation>
    </message>
    <message>
        <source>shortlisted only</source>
        <translation>仅限已入选</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>filters_panel</name>
    <message>
        <source>China</source>
        <extracomment>Translated where shown: ``QCoreApplication.translate(_CONTEXT, name)``.</extracomment>
        <translation>中国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>爱尔兰</translation>
    </message>
    <message>
        <source>&amp;Providers</source>
        <extracomment>The widest the panel should need to be (px): the left pane&apos;s widest share, less the room of the scroll area it sits in (its frame and scroll bar). The country combo&apos;s choice for the companies without a country (its data cannot be &quot;&quot;: All). The stage combo&apos;s choice for the companies not in the pipeline (its data cannot be &quot;&quot;: Any). The universe buttons&apos; text, each with its keyboard mnemonic (Alt+P, Alt+A, Alt+L).</extracomment>
        <translation>供给方(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Adopters</source>
        <translation>需求方(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ll</source>
        <translation>全部(&amp;L)</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>zero</source>
        <extracomment>Rank stability is computed when the weights have rested this long (ms). The detail view&apos;s numbers are redrawn when the weights have rested this long (ms). A note that could not be saved is tried again this often (ms). The sensitivity charts are computed when the weights and the selection have rested this long (ms). The lenses are computed again this long after the policy or the sub-weights last changed (ms). The missing-data policies&apos; names in the status bar (translated at use, context &quot;main_window&quot;).</extracomment>
        <translation>按零计</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>按中性值计</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>{path}: the memo could not be written ({error})</source>
        <translation>{path}：无法写入投资备忘录（{error}）</translation>
    </message>
    <message>
        <source>{path}: 1 problem in the dataset:
  - could not be read ({error})</source>
        <translation>{path}：数据集中有 1 个问题：
  - 无法读取（{error}）</translation>
    </message>
</context>
<context>
    <name>memo</name>
    <message>
        <source>Summary</source>
        <extracomment>Memo sheets are written for the first this-many companies (the shortlist sheet lists all). The sheets every memo opens with, in order; one sheet per company follows. These are the sheets&apos; keys and English names; :func:`sheet_title` names them in the memo&apos;s language.</extracomment>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>候选清单</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation>多视角</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <extracomment>The sheet of the analyst&apos;s pipeline, after the Shortlist when the request names a pipeline.</extracomment>
        <translation>项目管线</translation>
    </message>
    <message>
        <source>{file}: the folder {folder} does not exist; create it or choose another folder</source>
        <extracomment>The temporary file a memo is written to, beside the target: ``.~{stem}.XXXXXXXX.xlsx.tmp``.</extracomment>
        <translation>{file}：文件夹 {folder} 不存在；请先创建，或另选一个文件夹</translation>
    </message>
    <message>
        <source>{file}: the folder {folder} cannot be used: {problem}</source>
        <translation>{file}：文件夹 {folder} 无法使用：{problem}</translation>
    </message>
    <message>
        <source>{file}: {folder} is not a folder; choose another folder</source>
        <translation>{file}：{folder} 不是文件夹；请另选一个文件夹</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name ending in .xlsx</source>
        <translation>{file} 是一个文件夹；请给出以 .xlsx 结尾的文件名</translation>
    </message>
    <message>
        <source>{file} is read-only, so it was not replaced. Save under another name, or make the file writable first.</source>
        <translation>{file} 是只读文件，因此未被替换。请另存为其他文件名，或先将该文件设为可写。</translation>
    </message>
    <message>
        <source>{file}: the memo is an Excel workbook; give a file name ending in .xlsx</source>
        <translation>{file}：投资备忘录是 Excel 工作簿；请给出以 .xlsx 结尾的文件名</translation>
    </message>
    <message>
        <source>{file}: cannot write in {folder}: {error}; choose a folder you can write to</source>
        <translation>{file}：无法写入 {folder}：{error}；请选择一个有写入权限的文件夹</translation>
    </message>
    <message>
        <source>{file} could not be replaced: it may be open in Excel or another program, or read-only. Close it there, or save under another name.</source>
        <translation>{file} 无法被替换：它可能正在 Excel 或其他程序中打开，或为只读。请先在该程序中关闭，或另存为其他文件名。</translation>
    </message>
    <message>
        <source>{file} could not be written: {error}; the earlier file is unchanged</source>
        <translation>{file} 无法写入：{error}；原有文件保持不变</translation>
    </message>
    <message>
        <source>{file} could not be written: the temporary space ran out ({error}); free some disk space and try again. The earlier file is unchanged</source>
        <translation>{file} 无法写入：临时空间不足（{error}）；请释放一些磁盘空间后重试。原有文件保持不变</translation>
    </message>
</context>
<context>
    <name>memo_cells</name>
    <message>
        <source> … [cut here: the full text is longer than an Excel cell holds]</source>
        <translation> …［在此截断：全文超出 Excel 单元格的容量］</translation>
    </message>
    <message>
        <source> … [continues on the memo sheet]</source>
        <extracomment>What fit_cell marks a cut with by default: the full text is on the company&apos;s sheet.</extracomment>
        <translation> …［续见该公司的工作表］</translation>
    </message>
    <message>
        <source>AIGC screener memo</source>
        <extracomment>The memo&apos;s printed page header, and its name in the workbook&apos;s properties.</extracomment>
        <translation>AIGC 筛选器 · 投资备忘录</translation>
    </message>
    <message>
        <source>&amp;A — page &amp;P of &amp;N</source>
        <extracomment>One family everywhere: Arial in Excel, Liberation Sans (the same metrics) in LibreOffice. The smallest font the memo uses, and the smallest a printed character may be. Every sheet&apos;s columns fit the printed page at this scale or more (10 pt prints at 8 pt). The analyst&apos;s own facts (✎), set apart from the report&apos;s. Text: left, from the top, wrapped, one indent of padding from the left edge. A line that may run on over empty cells to its right (titles, notes under a table). Numbers: right, one indent of padding from the right edge. A figure beside its label (the Method sheet, a profile): left, like the text around it. Points per line of 10-pt text (CJK lines are the tallest), and the tallest row Excel allows. What a character takes in a wrapped line, in pixels of a column: a Latin letter of 10-pt Arial on average (erring wide), a symbol (★ ◆ ✓, drawn from a fallback font) and a CJK character. Bold text is this much wider. A4 landscape, in inches, and the side margins the memo sets. Screen pixels per inch: Excel sizes columns in pixels at 96 per inch. The widest a sheet&apos;s columns may add up to (in characters) and still print at :data:`MIN_PRINT_SCALE` or more: 7 px a character plus 5 px of padding a column.</extracomment>
        <translation>&amp;A — 第 &amp;P 页，共 &amp;N 页</translation>
    </message>
</context>
<context>
    <name>memo_company</name>
    <message>
        <source>Weight</source>
        <extracomment>A company sheet&apos;s grid: the funding history is its widest table (eight columns). The sensitivity charts: three side by side across the sheet&apos;s width, this tall. Chart text: the title and the axis labels, in hundredths of a point (9 pt prints at 8 pt or more at the sheet&apos;s scale).</extracomment>
        <translation>权重</translation>
    </message>
    <message>
        <source>Rank: value</source>
        <translation>排名：市场空间</translation>
    </message>
    <message>
        <source>Rank: difficulty</source>
        <translation>排名：落地难度</translation>
    </message>
    <message>
        <source>Rank: funding</source>
        <translation>排名：融资</translation>
    </message>
    <message>
        <source>Top-N line</source>
        <translation>前 N 名线</translation>
    </message>
    <message>
        <source>Chart axis</source>
        <translation>图表坐标轴</translation>
    </message>
    <message>
        <source>Value</source>
        <extracomment>The signals by name: a chart&apos;s title, a row of &quot;Why it scores as it does&quot;.</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>My facts (✎ the analyst&apos;s, not the report&apos;s)</source>
        <extracomment>The sheet&apos;s columns of the sensitivity figures: weight, the three ranks, the top-N line, then the weights the charts&apos; axes name (every fifth: all 21 would crowd a small chart, and LibreOffice ignores a label-skip setting; a hidden column would hide them from its charts). Which weights the charts&apos; axes name. The &quot;My facts&quot; table: its headers and the first column of each (the last merged to the sheet&apos;s last column but one; &quot;The report says&quot; in the last).</extracomment>
        <translation>我的补充事实（✎ 分析师录入，非报告内容）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>✎ Source, seen, by</source>
        <translation>✎ 来源、获知日期、录入人</translation>
    </message>
    <message>
        <source>The report says</source>
        <translation>报告所述</translation>
    </message>
    <message>
        <source>{signal} weight (now {weight}, rank {rank})</source>
        <translation>{signal}权重（当前 {weight}，排名 {rank}）</translation>
    </message>
    <message>
        <source>Its shared rank as one weight moves from -100 to 100 in steps of 10, the other weights as now. Rank 1 is at the top; the dashed line is the top {top}; the dot marks the weight now. The figures are at the end of this sheet.</source>
        <translation>某一项权重从 -100 以步长 10 变化到 100、其余权重保持当前值时，该公司的排名（含并列）。第 1 名在最上方；虚线为前 {top} 名；圆点标出当前权重。具体数值见本表末尾。</translation>
    </message>
    <message>
        <source>Not ranked under any of these weights: no chart to draw.</source>
        <translation>在这些权重下均未进入排名：无图可绘。</translation>
    </message>
    <message>
        <source>Shaded: the weight now. A blank rank: not ranked at that weight (the missing-data policy leaves the company out; a gap in the line). A weight now between two steps has no dot; the chart&apos;s title gives it.</source>
        <translation>底色标出当前权重。排名为空：在该权重下未进入排名（缺失数据处理规则将该公司排除；折线在此断开）。当前权重若介于两个步长之间则不标圆点，其数值见图表标题。</translation>
    </message>
    <message>
        <source>nothing that disagrees</source>
        <extracomment>The printed page&apos;s height in the sheet&apos;s points, before the print scale (A4 landscape, less the top and bottom margins), and a row&apos;s height when none is set.</extracomment>
        <translation>无不一致之处</translation>
    </message>
    <message>
        <source>a note: shown, not counted in the signals</source>
        <translation>备注：仅作展示，不计入信号</translation>
    </message>
    <message>
        <source>counted in the signals</source>
        <translation>已计入信号</translation>
    </message>
    <message>
        <source>not counted: this memo ranks the report&apos;s facts only</source>
        <translation>未计入：本备忘录仅按报告事实排名</translation>
    </message>
    <message>
        <source>← back to the summary</source>
        <translation>← 返回摘要</translation>
    </message>
    <message>
        <source>the shortlist</source>
        <translation>候选清单</translation>
    </message>
    <message>
        <source>compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>入选理由</translation>
    </message>
    <message>
        <source>Why it scores as it does</source>
        <translation>得分构成</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Signal (0–1)</source>
        <translation>信号值（0–1）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Disclosed?</source>
        <translation>是否披露？</translation>
    </message>
    <message>
        <source>Difficulty (as {name})</source>
        <translation>落地难度（计为{name}）</translation>
    </message>
    <message>
        <source>no — counted per the missing-data policy</source>
        <translation>否——按缺失数据处理规则计</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>1 distinct sentence of the report</source>
        <translation>报告中 1 个不同的语句</translation>
    </message>
    <message>
        <source>{n} distinct sentences of the report</source>
        <translation>报告中 {n} 个不同的语句</translation>
    </message>
    <message>
        <source>Value parts</source>
        <translation>市场空间构成</translation>
    </message>
    <message>
        <source>market space {market}, weight {market_weight}; traction {traction} ({sentences}), weight {traction_weight}</source>
        <translation>市场空间 {market}，权重 {market_weight}；市场进展 {traction}（{sentences}），权重 {traction_weight}</translation>
    </message>
    <message>
        <source>{part}, weight {weight}</source>
        <translation>{part}，权重 {weight}</translation>
    </message>
    <message>
        <source>Funding parts</source>
        <translation>融资构成</translation>
    </message>
    <message>
        <source>How its rank moves with each weight</source>
        <translation>排名随各项权重的变化</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>得分（0–100）</translation>
    </message>
    <message>
        <source>{mark} robust: {definition}</source>
        <translation>{mark} 稳健：{definition}</translation>
    </message>
    <message>
        <source>{mark} Pareto-optimal: {definition}</source>
        <translation>{mark} 帕累托最优：{definition}</translation>
    </message>
    <message>
        <source>in the top {top} under {count} of the {n} lenses (the {lenses} sheet)</source>
        <translation>在 {n} 个视角中有 {count} 个位列前 {top} 名（见「{lenses}」表）</translation>
    </message>
    <message>
        <source>Under other weights</source>
        <translation>其他权重下</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Roles in the report</source>
        <translation>报告中的角色</translation>
    </message>
    <message>
        <source>Also known as / products</source>
        <translation>别名 / 产品</translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation>排名稳定性</translation>
    </message>
    <message>
        <source>Disclosed capital (USD)</source>
        <translation>已披露融资额（美元）</translation>
    </message>
    <message>
        <source>Latest valuation (USD)</source>
        <translation>最新估值（美元）</translation>
    </message>
    <message>
        <source>Latest round</source>
        <translation>最新轮次</translation>
    </message>
    <message>
        <source>Data note</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <source>Pipeline stage</source>
        <translation>项目管线阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Traction &amp; facts</source>
        <translation>市场进展与事实</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文引述</translation>
    </message>
    <message>
        <source>The report names no clients, outcomes or products of this company.</source>
        <translation>报告未提及该公司的客户、成果或产品。</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Scenario × industry</source>
        <translation>应用场景 × 行业</translation>
    </message>
    <message>
        <source>Market ★</source>
        <translation>市场空间 ★</translation>
    </message>
    <message>
        <source>Logic ★</source>
        <translation>逻辑难度 ★</translation>
    </message>
    <message>
        <source>Compute ★</source>
        <translation>算力成本 ★</translation>
    </message>
    <message>
        <source>Corpus ★</source>
        <translation>语料成本 ★</translation>
    </message>
    <message>
        <source>Funding history</source>
        <translation>融资历史</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Amount as written</source>
        <translation>金额（原文）</translation>
    </message>
    <message>
        <source>Amount (USD)</source>
        <translation>金额（美元）</translation>
    </message>
    <message>
        <source>Valuation as written</source>
        <translation>估值（原文）</translation>
    </message>
    <message>
        <source>Valuation (USD)</source>
        <translation>估值（美元）</translation>
    </message>
    <message>
        <source>Investors (lead first)</source>
        <translation>投资方（领投方在前）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{investor} (lead)</source>
        <translation>{investor}（领投）</translation>
    </message>
    <message>
        <source>Beside the report: {fact}</source>
        <translation>报告所述：{fact}</translation>
    </message>
    <message>
        <source>undisclosed</source>
        <translation>未披露</translation>
    </message>
    <message>
        <source>The report discloses no financing for this company.</source>
        <translation>报告未披露该公司的任何融资。</translation>
    </message>
    <message>
        <source>What the report says</source>
        <translation>报告原文</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>分析师笔记</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Note (continued)</source>
        <translation>备注（续）</translation>
    </message>
    <message>
        <source>The sensitivity charts&apos; figures</source>
        <translation>敏感性图表的数据</translation>
    </message>
</context>
<context>
    <name>memo_compare</name>
    <message>
        <source>… {more} more on its sheet</source>
        <extracomment>Companies side by side in one block (with the label column: seven columns a page). Lines of a funding timeline or of traction facts shown per company (the rest on its sheet).</extracomment>
        <translation>… 另有 {more} 条，见该公司的工作表</translation>
    </message>
    <message>
        <source>{mark} robust</source>
        <translation>{mark} 稳健</translation>
    </message>
    <message>
        <source>{mark} Pareto-optimal</source>
        <translation>{mark} 帕累托最优</translation>
    </message>
    <message>
        <source>{count} of {n}</source>
        <translation>{count}/{n}</translation>
    </message>
    <message>
        <source>no figure</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>valued {valuation}</source>
        <translation>估值 {valuation}</translation>
    </message>
    <message>
        <source> … [the whole note is on its sheet]</source>
        <translation> …［完整笔记见该公司的工作表］</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>得分（0–100）</translation>
    </message>
    <message>
        <source>Robust / Pareto</source>
        <translation>稳健 / 帕累托</translation>
    </message>
    <message>
        <source>In the top {top} under</source>
        <translation>位列前 {top} 名的视角数</translation>
    </message>
    <message>
        <source>Points from value (weight {weight})</source>
        <translation>市场空间得分（权重 {weight}）</translation>
    </message>
    <message>
        <source>Points from {name} (difficulty weight {weight})</source>
        <translation>{name}得分（落地难度权重 {weight}）</translation>
    </message>
    <message>
        <source>Points from funding (weight {weight})</source>
        <translation>融资得分（权重 {weight}）</translation>
    </message>
    <message>
        <source>Value signal (0–1)</source>
        <translation>市场空间信号（0–1）</translation>
    </message>
    <message>
        <source>Difficulty signal (0–1)</source>
        <translation>落地难度信号（0–1）</translation>
    </message>
    <message>
        <source>Funding signal (0–1)</source>
        <translation>融资信号（0–1）</translation>
    </message>
    <message>
        <source>Disclosed capital (USD)</source>
        <translation>已披露融资额（美元）</translation>
    </message>
    <message>
        <source>Latest valuation (USD)</source>
        <translation>最新估值（美元）</translation>
    </message>
    <message>
        <source>Latest round</source>
        <translation>最新轮次</translation>
    </message>
    <message>
        <source>Funding timeline (USD)</source>
        <translation>融资时间线（美元）</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分赛道</translation>
    </message>
    <message>
        <source>Market space ★</source>
        <translation>市场空间 ★</translation>
    </message>
    <message>
        <source>Logic difficulty ★</source>
        <translation>逻辑难度 ★</translation>
    </message>
    <message>
        <source>Compute difficulty ★</source>
        <translation>算力成本 ★</translation>
    </message>
    <message>
        <source>Corpus difficulty ★</source>
        <translation>语料成本 ★</translation>
    </message>
    <message>
        <source>Traction: facts (✎ the analyst&apos;s own)</source>
        <translation>市场进展：事实（✎ 为分析师补充）</translation>
    </message>
    <message>
        <source>Strongest quoted fact</source>
        <translation>最有力的引述事实</translation>
    </message>
    <message>
        <source>Analyst note</source>
        <translation>分析师笔记</translation>
    </message>
    <message>
        <source>Scores and money</source>
        <translation>得分与资金</translation>
    </message>
    <message>
        <source>Segments and evidence</source>
        <translation>细分赛道与依据</translation>
    </message>
    <message>
        <source>Compare: the companies side by side</source>
        <translation>对比：各公司并列比较</translation>
    </message>
    <message>
        <source>{n} companies, {per_page} to a page; the next continue below.</source>
        <translation>共 {n} 家公司，每页 {per_page} 家；其余接续在下方。</translation>
    </message>
    <message>
        <source> The first {most} of {n}: the {shortlist} sheet lists all.</source>
        <translation>此处列出 {n} 家中的前 {most} 家，「{shortlist}」表列出全部。</translation>
    </message>
    <message>
        <source> ≈ marks a converted or vague figure; each name opens the company&apos;s sheet.</source>
        <translation>≈ 表示经换算或措辞模糊的数字；点击公司名称可打开其工作表。</translation>
    </message>
    <message>
        <source>No company: the memo is empty.</source>
        <translation>没有公司：本备忘录为空。</translation>
    </message>
</context>
<context>
    <name>memo_content</name>
    <message>
        <source>{tie}; the memo holds the first of them in the order inside a tie.</source>
        <extracomment>The Summary lists at most this many companies with their reasons; the Compare sheet puts at most this many side by side (the Shortlist sheet lists them all). A fixed sheet&apos;s key (its English name, exports.memo.FIXED_SHEETS) -&gt; its name in the memo.</extracomment>
        <translation>{tie}；本备忘录按并列内部的顺序收录其中靠前者。</translation>
    </message>
    <message>
        <source>None: the last place in the memo is not shared with a company left out.</source>
        <translation>无：备忘录的最后一名未与落选公司并列。</translation>
    </message>
    <message>
        <source>Not applicable: a shortlist is chosen by hand, not cut at a place.</source>
        <translation>不适用：候选清单为手工挑选，而非按名次截取。</translation>
    </message>
    <message>
        <source>None: the memo holds every ranked company shown.</source>
        <translation>无：备忘录包含显示的全部已排名公司。</translation>
    </message>
    <message>
        <source>shortlist</source>
        <translation>候选清单</translation>
    </message>
    <message>
        <source>full ranking</source>
        <translation>完整排名</translation>
    </message>
    <message>
        <source>top {n}</source>
        <translation>前 {n} 名</translation>
    </message>
    <message>
        <source>Funding round</source>
        <extracomment>The analyst&apos;s kinds of fact as the memo names them.</extracomment>
        <translation>融资轮次</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Correction note</source>
        <translation>更正说明</translation>
    </message>
    <message>
        <source>valued {valuation}</source>
        <translation>估值 {valuation}</translation>
    </message>
    <message>
        <source>investors {names}</source>
        <translation>投资方 {names}</translation>
    </message>
    <message>
        <source>unknown company id(s): {ids}</source>
        <translation>未知的公司编号：{ids}</translation>
    </message>
</context>
<context>
    <name>memo_lenses</name>
    <message>
        <source>Lenses: the ranking under every preset and saved profile</source>
        <extracomment>A rank no other company shares, padded on the right by the width of &quot;=&quot;, so it lines up with a shared one (&quot;8=&quot;). The memo&apos;s companies listed at most, and the others in the top N under some lens. Columns around the lenses: #, company; then robust, Pareto, how many lenses.</extracomment>
        <translation>多视角：每个预设和已保存方案下的排名</translation>
    </message>
    <message>
        <source>Each column ranks the whole {universe} universe under one lens (its weights: value, difficulty, funding; the sub-weights and the missing-data policy as in this memo); a shaded rank is in the top {top}, “8=” a shared rank, “—” not ranked. Robust {robust_mark}: {robust}. Pareto {pareto_mark}: {pareto}.</source>
        <translation>每一列按一个视角对整个「{universe}」筛选范围排名（其权重依次为市场空间、落地难度、融资；子权重和缺失数据处理与本备忘录相同）；带底色的排名位列前 {top} 名，“8=”表示并列，“—”表示未排名。稳健 {robust_mark}：{robust}。帕累托 {pareto_mark}：{pareto}。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Robust {mark}</source>
        <translation>稳健 {mark}</translation>
    </message>
    <message>
        <source>Pareto {mark}</source>
        <translation>帕累托 {mark}</translation>
    </message>
    <message>
        <source>Top {top} under</source>
        <translation>前 {top} 名视角数</translation>
    </message>
    <message>
        <source>This memo&apos;s companies</source>
        <translation>本备忘录的公司</translation>
    </message>
    <message>
        <source>… and {more} more (the first {most} are listed).</source>
        <translation>… 另有 {more} 家（仅列出前 {most} 家）。</translation>
    </message>
    <message>
        <source>Not in this memo, but in the top {top} under at least one lens</source>
        <translation>未收入本备忘录、但至少在一个视角下位列前 {top} 名的公司</translation>
    </message>
    <message>
        <source>… and {more} more.</source>
        <translation>… 另有 {more} 家。</translation>
    </message>
    <message>
        <source>The lenses</source>
        <translation>各视角</translation>
    </message>
    <message>
        <source> (saved profile)</source>
        <translation>（已保存方案）</translation>
    </message>
    <message>
        <source>{count} of {n}</source>
        <translation>{count}/{n}</translation>
    </message>
</context>
<context>
    <name>memo_pipeline</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step date</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>The analyst&apos;s pipeline, 1 company by stage; </source>
        <translation>分析师的项目管线，按阶段列出 1 家公司；</translation>
    </message>
    <message>
        <source>The analyst&apos;s pipeline, {n} companies by stage; </source>
        <translation>分析师的项目管线，按阶段列出 {n} 家公司；</translation>
    </message>
    <message>
        <source># is the company&apos;s shared rank in this memo&apos;s ranking (— not ranked); a name in blue opens its sheet.</source>
        <translation># 为该公司在本备忘录排名中的名次（含并列；— 表示未排名）；点击蓝色名称可打开其工作表。</translation>
    </message>
    <message>
        <source>{id} (not in this data)</source>
        <translation>{id}（不在本数据中）</translation>
    </message>
</context>
<context>
    <name>memo_summary</name>
    <message>
        <source>Company</source>
        <extracomment>The Summary&apos;s columns: rank, company, English name, the two marks, the reason (wide). A label spans the first two columns, its value the rest.</extracomment>
        <translation>公司</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Robust</source>
        <translation>稳健</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Why it ranks here: points by signal, then its strongest quoted fact</source>
        <translation>排名理由：各信号得分，及最有力的引述事实</translation>
    </message>
    <message>
        <source>Investment memo: a shortlist of {n} {universe}</source>
        <extracomment>How many names a list of robust or Pareto-optimal companies spells out before &quot;and N more&quot;.</extracomment>
        <translation>投资备忘录：{n} 家{universe}的候选清单</translation>
    </message>
    <message>
        <source>Investment memo: the top {n} {universe}</source>
        <translation>投资备忘录：排名前 {n} 的{universe}</translation>
    </message>
    <message>
        <source>Investment memo: {n} {universe}, ranked</source>
        <translation>投资备忘录：{n} 家{universe}排名</translation>
    </message>
    <message>
        <source> and {more} more (the {lenses} sheet lists them)</source>
        <translation>，另有 {more} 家（见「{lenses}」表）</translation>
    </message>
    <message>
        <source> and {more} more</source>
        <translation>，另有 {more} 家</translation>
    </message>
    <message>
        <source>1 company</source>
        <translation>1 家公司</translation>
    </message>
    <message>
        <source>{n} companies</source>
        <translation>{n} 家公司</translation>
    </message>
    <message>
        <source>{definition} ({n} lenses: {labels})</source>
        <translation>{definition}（{n} 个视角：{labels}）</translation>
    </message>
    <message>
        <source>{head}: {names}. {companies}, {in_memo} of them in this memo (★).</source>
        <translation>{head}：{names}。共 {companies}，其中 {in_memo} 家在本备忘录中（★）。</translation>
    </message>
    <message>
        <source>Robust picks</source>
        <translation>稳健之选</translation>
    </message>
    <message>
        <source>; the closest is {company}, in the top {top} under {count} of the {n}</source>
        <translation>；最接近的是 {company}，在 {n} 个视角中有 {count} 个位列前 {top} 名</translation>
    </message>
    <message>
        <source>None: no company is {definition}{closest}.</source>
        <translation>无：没有公司满足“{definition}”{closest}。</translation>
    </message>
    <message>
        <source>Pareto-optimal</source>
        <translation>帕累托最优</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>两者皆非</translation>
    </message>
    <message>
        <source>{count} of this memo&apos;s {n} companies are neither robust nor Pareto-optimal: {names}{more}; their place depends on the weights (see the {lenses} sheet and each company&apos;s sensitivity charts).</source>
        <translation>本备忘录 {n} 家公司中有 {count} 家既不稳健也非帕累托最优：{names}{more}；其名次取决于权重（见「{lenses}」表及各公司的敏感性图表）。</translation>
    </message>
    <message>
        <source>value</source>
        <extracomment>The signals as the caveats name them.</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>the missing-data policy counts an undisclosed figure as zero, so {signal} adds no points to their score</source>
        <translation>缺失数据处理规则将未披露的数字按零计，因此{signal}不为其得分加分</translation>
    </message>
    <message>
        <source>the missing-data policy counts an undisclosed figure as neutral (0.5): their {signal} is a middle value, not a known one</source>
        <translation>缺失数据处理规则将未披露的数字按中性值（0.5）计：其{signal}为居中取值，而非已知数值</translation>
    </message>
    <message>
        <source>the missing-data policy leaves a company without the figure out of the ranking</source>
        <translation>缺失数据处理规则将缺少该数字的公司排除在排名之外</translation>
    </message>
    <message>
        <source>Tie at the border</source>
        <translation>截取处并列</translation>
    </message>
    <message>
        <source>{tie}: the memo&apos;s last place cuts this tie. It holds {held} of them, the first in the order inside a tie (below); the companies left out score the same as the last ones in.</source>
        <translation>{tie}：备忘录的最后一名恰好截断了这一并列。备忘录收录了其中 {held} 家，即并列内部顺序靠前者（见下）；落选公司与最后入选的公司得分相同。</translation>
    </message>
    <message>
        <source>Shared ranks</source>
        <translation>并列排名</translation>
    </message>
    <message>
        <source>{groups}. {order}.</source>
        <translation>{groups}。{order}。</translation>
    </message>
    <message>
        <source>Undisclosed figures</source>
        <translation>未披露的数字</translation>
    </message>
    <message>
        <source>{count} of the {n} companies in this memo have no {signal} figure in the data ({names}{more}); {effect}.</source>
        <translation>本备忘录 {n} 家公司中有 {count} 家在数据中没有{signal}数字（{names}{more}）；{effect}。</translation>
    </message>
    <message>
        <source>Every company in this memo has a figure for each weighted signal ({policy} elsewhere in the ranking).</source>
        <translation>本备忘录的每家公司在每个有权重的信号上都有数字（排名中的其他公司：{policy}）。</translation>
    </message>
    <message>
        <source>The figures are as of the report ({year}; its latest dated event is {latest}). Rounds, valuations, listings and clients since then are not in this screen: check them before a decision.</source>
        <translation>数字截至报告发布时（{year} 年；其中最晚的有日期事件为 {latest}）。此后的融资轮次、估值、上市和客户均未纳入本次筛选：决策前请核实。</translation>
    </message>
    <message>
        <source>The figures are as of the data ({year}; its latest dated event is {latest}). Rounds, valuations, listings and clients since then are not in this screen: check them before a decision.</source>
        <translation>数字截至数据采集时（{year} 年；其中最晚的有日期事件为 {latest}）。此后的融资轮次、估值、上市和客户均未纳入本次筛选：决策前请核实。</translation>
    </message>
    <message>
        <source>Date of the figures</source>
        <translation>数字的时效</translation>
    </message>
    <message>
        <source>The report dates no event: how current the figures are is not known.</source>
        <translation>报告未注明任何事件的日期：数字的时效未知。</translation>
    </message>
    <message>
        <source>The data dates no event: how current the figures are is not known.</source>
        <translation>数据未注明任何事件的日期：数字的时效未知。</translation>
    </message>
    <message>
        <source>Approximate figures</source>
        <translation>近似数字</translation>
    </message>
    <message>
        <source>≈ marks a dollar figure converted from yuan (1 USD = {fx} CNY) or read from vague wording (数亿元, 近亿元): {count} of the {n} companies have one. The amounts as written are beside them on the {shortlist} and company sheets.</source>
        <translation>≈ 表示由人民币换算（1 美元 = {fx} 元人民币）或由模糊措辞（数亿元、近亿元）估读的美元数字：{n} 家公司中有 {count} 家含此类数字。原文金额列在「{shortlist}」表和各公司工作表中的相应位置旁。</translation>
    </message>
    <message>
        <source>Planned rounds</source>
        <translation>计划中的轮次</translation>
    </message>
    <message>
        <source>Marked “planned” wherever they appear ({rounds}): a planned round&apos;s amount is not counted as capital raised; its valuation counts.</source>
        <translation>凡出现处均标注“计划中”（{rounds}）：计划中轮次的金额不计入已融资额，但其估值计入。</translation>
    </message>
    <message>
        <source>AIGC screener · {date:%d %B %Y} · sheets: {sheets}, then one per company</source>
        <translation>AIGC 筛选器 · {date:%Y年%m月%d日} · 工作表：{sheets}，之后每家公司一张</translation>
    </message>
    <message>
        <source>What was screened</source>
        <translation>筛选内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>{universe}: {sentence} {in_universe} of the dataset&apos;s {n} companies; {screened} ranked</source>
        <translation>{universe}：{sentence}数据集 {n} 家公司中的 {in_universe} 家；{screened} 家已排名</translation>
    </message>
    <message>
        <source> after the filters ({filters})</source>
        <translation>（经过筛选条件：{filters}）</translation>
    </message>
    <message>
        <source>Universe</source>
        <translation>筛选范围</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Missing figures</source>
        <translation>缺失数字</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>{name} · {n} segments · content hash {hash}</source>
        <translation>{name} · {n} 个细分赛道 · 内容哈希 {hash}</translation>
    </message>
    <message>
        <source>Memo written {date:%Y-%m-%d %H:%M}</source>
        <translation>备忘录生成于 {date:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>; the data&apos;s latest dated event is {latest}</source>
        <translation>；数据中最晚的有日期事件为 {latest}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The shortlist ({n} companies)</source>
        <translation>候选清单（{n} 家公司）</translation>
    </message>
    <message>
        <source>The {selection} ({n} companies)</source>
        <translation>{selection}（{n} 家公司）</translation>
    </message>
    <message>
        <source>… and {more} more: the {shortlist} sheet lists every company.</source>
        <translation>… 另有 {more} 家：「{shortlist}」表列出全部公司。</translation>
    </message>
    <message>
        <source>No company: the memo is empty.</source>
        <translation>没有公司：本备忘录为空。</translation>
    </message>
    <message>
        <source>Robust ✓: {robust} (the {lenses} sheet). Pareto ◆: {pareto}. Points are the score&apos;s parts (0–100 in all); “ease” is the difficulty signal under a negative weight.</source>
        <translation>稳健 ✓：{robust}（见「{lenses}」表）。帕累托 ◆：{pareto}。分值为得分的各组成部分（总计 0–100）；“易落地”指落地难度信号取负权重时的得分。</translation>
    </message>
    <message>
        <source>Robust and Pareto-optimal picks</source>
        <translation>稳健之选与帕累托最优</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>; {fact}</source>
        <translation>；{fact}</translation>
    </message>
</context>
<context>
    <name>memo_tables</name>
    <message>
        <source>Analyst note</source>
        <extracomment>The Shortlist sheet&apos;s columns: the ranked list&apos;s (core.columns.MEMO, its rank the shared rank of every view, &quot;8=&quot;), then the note.</extracomment>
        <translation>分析师笔记</translation>
    </message>
    <message>
        <source>Stage</source>
        <extracomment>Widths (characters) chosen so the fifteen columns print on A4 landscape at 80% or more: names, segments, amounts and rounds wrap inside their cells instead of running on. With a pipeline (the request names one) the Shortlist adds these before the note, blank for a company not in it; the note and a few wide columns narrow so the sheet still prints at 80%.</extracomment>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source> … [the whole note is on the company&apos;s sheet]</source>
        <extracomment>A note longer than this is shortened in the table (with a marker); the company&apos;s sheet has it whole.</extracomment>
        <translation> …［完整笔记见该公司的工作表］</translation>
    </message>
    <message>
        <source> … [cut here: the note is longer than the table shows]</source>
        <translation> …［在此截断：笔记超出表格可显示的长度］</translation>
    </message>
    <message>
        <source>AIGC screener — {selection} memo</source>
        <translation>AIGC 筛选器 — {selection}投资备忘录</translation>
    </message>
    <message>
        <source>{source} · {universe} · weights value {value}, difficulty {difficulty}, funding {funding} · {policy} · 1 USD = {fx} CNY · {date:%Y-%m-%d %H:%M}</source>
        <translation>{source} · {universe} · 权重：市场空间 {value}，落地难度 {difficulty}，融资 {funding} · {policy} · 1 美元 = {fx} 元人民币 · {date:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>≈ marks figures converted from yuan or read from vague wording; “8=” a rank shared by equal scores</source>
        <translation>≈ 表示由人民币换算或由模糊措辞估读的数字；“8=”表示得分相同的并列排名</translation>
    </message>
    <message>
        <source>; {tie}, cut by this memo&apos;s last place</source>
        <translation>；{tie}，被本备忘录的最后一名截断</translation>
    </message>
    <message>
        <source>; each name opens the company&apos;s sheet (see the {method} sheet).</source>
        <translation>；点击公司名称可打开其工作表（见「{method}」表）。</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>得分（0–100）</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>zero</source>
        <extracomment>The missing-data policies by their keys (core.scoring), as the Method sheet names them.</extracomment>
        <translation>按零计</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>按中性值计</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>one per company for the first {n}</source>
        <translation>前 {n} 家公司每家一张</translation>
    </message>
    <message>
        <source> (of {n}; the {shortlist} sheet lists all)</source>
        <translation>（共 {n} 家；「{shortlist}」表列出全部）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>{selection}, {n} companies</source>
        <translation>{selection}，{n} 家公司</translation>
    </message>
    <message>
        <source>Memo sheets</source>
        <translation>公司工作表</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>软件版本</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Dataset source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Dataset content hash (SHA-256, first 16 hex)</source>
        <translation>数据集内容哈希（SHA-256，前 16 位十六进制）</translation>
    </message>
    <message>
        <source>Latest dated event in the data</source>
        <translation>数据中最晚的有日期事件</translation>
    </message>
    <message>
        <source>Universe</source>
        <translation>筛选范围</translation>
    </message>
    <message>
        <source>Companies screened</source>
        <translation>参与筛选的公司数</translation>
    </message>
    <message>
        <source>Companies in the universe</source>
        <translation>筛选范围内的公司数</translation>
    </message>
    <message>
        <source>Companies in the dataset</source>
        <translation>数据集中的公司数</translation>
    </message>
    <message>
        <source>Filters in effect</source>
        <translation>生效的筛选条件</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Weights in words</source>
        <translation>权重说明</translation>
    </message>
    <message>
        <source>Weight: value</source>
        <translation>权重：市场空间</translation>
    </message>
    <message>
        <source>Weight: difficulty</source>
        <translation>权重：落地难度</translation>
    </message>
    <message>
        <source>Weight: funding</source>
        <translation>权重：融资</translation>
    </message>
    <message>
        <source>Sub-weights: value (market, traction)</source>
        <translation>子权重：市场空间（市场、市场进展）</translation>
    </message>
    <message>
        <source>Sub-weights: difficulty (logic, compute, corpus)</source>
        <translation>子权重：落地难度（逻辑难度、算力成本、语料成本）</translation>
    </message>
    <message>
        <source>Sub-weights: funding (capital, valuation, recency, stage)</source>
        <translation>子权重：融资（融资额、估值、时近性、阶段）</translation>
    </message>
    <message>
        <source>Missing-data policy</source>
        <translation>缺失数据处理</translation>
    </message>
    <message>
        <source>Exchange rate (CNY per USD)</source>
        <translation>汇率（人民币/美元）</translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation>排名稳定性</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>并列</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Tie at the cut</source>
        <translation>截取处并列</translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation>多视角</translation>
    </message>
    <message>
        <source> (value, difficulty, funding).</source>
        <translation>（市场空间、落地难度、融资）。</translation>
    </message>
    <message>
        <source>Robust</source>
        <translation>稳健</translation>
    </message>
    <message>
        <source>Pareto-optimal</source>
        <translation>帕累托最优</translation>
    </message>
    <message>
        <source>Analyst facts</source>
        <translation>分析师补充事实</translation>
    </message>
    <message>
        <source>Sensitivity charts</source>
        <translation>敏感性图表</translation>
    </message>
    <message>
        <source>On each company&apos;s sheet: its shared rank as one weight sweeps from -100 to 100 in steps of 10, the other weights and the sub-weights as above.</source>
        <translation>见各公司工作表：某一项权重从 -100 以步长 10 变化到 100 时该公司的排名（含并列），其余权重和子权重同上。</translation>
    </message>
    <message>
        <source>None on the memo&apos;s companies: every fact is the report&apos;s.</source>
        <translation>本备忘录的公司均无补充事实：所有事实均来自报告。</translation>
    </message>
    <message>
        <source>{counted} of them counted in the signals</source>
        <translation>其中 {counted} 条已计入信号</translation>
    </message>
    <message>
        <source>none of them counted: this ranking is of the report&apos;s facts only</source>
        <translation>均未计入：本排名仅基于报告事实</translation>
    </message>
    <message>
        <source>1 of the analyst&apos;s own fact on the memo&apos;s companies ({how}); each is marked {mark} with its source, the date seen and who entered it on the company&apos;s sheet, beside the report&apos;s facts it disagrees with. The report&apos;s facts are never replaced.</source>
        <translation>本备忘录的公司共有 1 条分析师补充事实（{how}）；在公司工作表中以 {mark} 标出，并注明来源、获知日期和录入人，与其不一致的报告事实列在旁边。报告事实从不被替换。</translation>
    </message>
    <message>
        <source>{n} of the analyst&apos;s own facts on the memo&apos;s companies ({how}); each is marked {mark} with its source, the date seen and who entered it on the company&apos;s sheet, beside the report&apos;s facts it disagrees with. The report&apos;s facts are never replaced.</source>
        <translation>本备忘录的公司共有 {n} 条分析师补充事实（{how}）；每条在公司工作表中以 {mark} 标出，并注明来源、获知日期和录入人，与其不一致的报告事实列在旁边。报告事实从不被替换。</translation>
    </message>
    <message>
        <source>Everything needed to reproduce this memo&apos;s ranking.</source>
        <translation>复现本备忘录排名所需的全部信息。</translation>
    </message>
    <message>
        <source>How the score is made</source>
        <translation>得分的计算方法</translation>
    </message>
    <message>
        <source>Ref</source>
        <extracomment>The Segments sheet&apos;s grid, shared by its three tables.
----------
The column the market sizes start in (merged to the sheet&apos;s last column). The Segments sheet&apos;s table of figures: its columns, the quote in the last (merged to the sheet&apos;s last column).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Scenario × industry</source>
        <translation>应用场景 × 行业</translation>
    </message>
    <message>
        <source>Market ★</source>
        <translation>市场空间 ★</translation>
    </message>
    <message>
        <source>Logic ★</source>
        <translation>逻辑难度 ★</translation>
    </message>
    <message>
        <source>Compute ★</source>
        <translation>算力成本 ★</translation>
    </message>
    <message>
        <source>Corpus ★</source>
        <translation>语料成本 ★</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司数</translation>
    </message>
    <message>
        <source>Figures quoted</source>
        <translation>引述的数字</translation>
    </message>
    <message>
        <source>Market size, as the report gives it</source>
        <translation>市场规模（报告原文）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文引述</translation>
    </message>
    <message>
        <source>More the report says about the segments</source>
        <extracomment>The title of the Segments sheet&apos;s last table: what the report says beyond its figures.</extracomment>
        <translation>报告对各细分赛道的其他论述</translation>
    </message>
    <message>
        <source>Market</source>
        <extracomment>The kinds of a segment&apos;s quoted facts (core.records.FactKind).</extracomment>
        <translation>市场</translation>
    </message>
    <message>
        <source>Funding stats</source>
        <translation>融资统计</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>应用采纳</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>Segments of the report</source>
        <translation>报告中的细分赛道</translation>
    </message>
    <message>
        <source>Ratings from the report: market space, and the difficulty of logic, compute and corpus (more stars: larger, harder). Companies: how many of the universe play its role there.</source>
        <translation>评级来自报告：市场空间，以及逻辑难度、算力成本和语料成本（星越多：越大、越难）。公司数：筛选范围内在该赛道担当相应角色的公司数量。</translation>
    </message>
    <message>
        <source>Figures the report gives</source>
        <translation>报告给出的数字</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(quote continued)</source>
        <translation>（引述续）</translation>
    </message>
</context>
<context>
    <name>merge_dialog</name>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>an alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>the English name</source>
        <translation>英文名</translation>
    </message>
</context>
<context>
    <name>pipeline_view</name>
    <message>
        <source>Company</source>
        <extracomment>What the date column holds for &quot;no date&quot; in its editor. The column headers and their tooltips, in English (shown translated, context &quot;pipeline_view&quot;).</extracomment>
        <translation>公司</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Grouped by stage; double-click a company (or Enter) to show it in the table</source>
        <translation>按阶段分组；双击公司（或按 Enter）可在表格中显示</translation>
    </message>
    <message>
        <source>The company&apos;s stage: F2 or double-click to move it to another one</source>
        <translation>公司所处阶段：按 F2 或双击可移至其他阶段</translation>
    </message>
    <message>
        <source>Who follows the company (F2 to edit)</source>
        <translation>跟进这家公司的人（按 F2 编辑）</translation>
    </message>
    <message>
        <source>What happens next (F2 to edit)</source>
        <translation>下一步做什么（按 F2 编辑）</translation>
    </message>
    <message>
        <source>When the next step is due (F2 to edit; Delete clears it)</source>
        <translation>下一步的截止日期（按 F2 编辑；按 Delete 清除）</translation>
    </message>
    <message>
        <source>When the entry last changed (every change is logged)</source>
        <translation>该条目最近一次修改的时间（每次修改都有记录）</translation>
    </message>
</context>
<context>
    <name>present</name>
    <message>
        <source>total to date</source>
        <extracomment>What every view shows for a figure that is not there. (divisor, decimals, suffix), largest first. The Chinese units of a large figure, largest first: 万亿 (10^12), 亿 (10^8), 万 (10^4). Words of a round label (English source text: translate(&quot;present&quot;, …) where shown).</extracomment>
        <translation>累计至今</translation>
    </message>
    <message>
        <source>unnamed round</source>
        <translation>未命名轮次</translation>
    </message>
    <message>
        <source>valuation only</source>
        <translation>仅估值</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>valuation</source>
        <translation>估值</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>equal scores (to one decimal) share a rank, shown “8=”; inside a tie, companies with more distinct quoted sentences in the report come first, then larger disclosed capital, then by name</source>
        <extracomment>How a tie is ordered, as a clause (core.scoring, &quot;Ties&quot;).</extracomment>
        <translation>得分相同（保留一位小数）者并列，显示为“8=”；并列时，报告中不同引文句数较多的企业在前，其次已披露融资额较大者，再次按名称排序</translation>
    </message>
    <message>
        <source>{mark} my fact #{id} · source: {source} · seen {seen} · by {by}</source>
        <extracomment>Marks a company that has a note (the table&apos;s name cell). Marks the analyst&apos;s own facts (core.analyst), wherever they are shown beside the report&apos;s.</extracomment>
        <translation>{mark} 我的补充事实 #{id} · 来源：{source} · 获知日期 {seen} · 录入人 {by}</translation>
    </message>
    <message>
        <source>the share of {draws} random {spread} changes of the weights that keep the company in the top {top_k}</source>
        <translation>在 {draws} 次随机 {spread} 权重扰动中，企业仍位列前 {top_k} 名的比例</translation>
    </message>
    <message>
        <source> (random seed {seed})</source>
        <translation>（随机种子 {seed}）</translation>
    </message>
    <message>
        <source>Rank stability: not meaningful while all weights are zero.</source>
        <translation>排名稳定性：所有权重均为零时无意义。</translation>
    </message>
    <message>
        <source>Rank stability: computed as soon as the weights stop moving.</source>
        <translation>排名稳定性：权重停止调整后即行计算。</translation>
    </message>
    <message>
        <source>Rank stability: not computed for this company (outside the best {n}).</source>
        <translation>排名稳定性：未对该企业计算（不在前 {n} 名之内）。</translation>
    </message>
    <message>
        <source>Rank stability: {share}, {definition}.</source>
        <translation>排名稳定性：{share}，即{definition}。</translation>
    </message>
    <message>
        <source>Undisclosed counts as zero</source>
        <extracomment>The missing-data policies as menu items.</extracomment>
        <translation>未披露按零计</translation>
    </message>
    <message>
        <source>Undisclosed counts as neutral (0.5)</source>
        <translation>未披露按中性值计（0.5）</translation>
    </message>
    <message>
        <source>Exclude companies without the figure</source>
        <translation>排除缺少该数据的企业</translation>
    </message>
    <message>
        <source>undisclosed figures count as zero</source>
        <extracomment>The missing-data policies as a clause (&quot;…; undisclosed figures count as zero&quot;).</extracomment>
        <translation>未披露的数据按零计</translation>
    </message>
    <message>
        <source>undisclosed figures count as neutral (0.5)</source>
        <translation>未披露的数据按中性值计（0.5）</translation>
    </message>
    <message>
        <source>a company without a figure for a weighted signal is left out</source>
        <translation>缺少任一加权信号数据的企业被排除</translation>
    </message>
    <message>
        <source>not ranked: no figure for a weighted signal (missing-data policy: exclude)</source>
        <extracomment>A company the policy &quot;exclude&quot; left out of the ranking, as said everywhere.</extracomment>
        <translation>未排名：缺少加权信号的数据（缺失数据处理：排除）</translation>
    </message>
    <message>
        <source>bank</source>
        <extracomment>Every company kind (core.records.CompanyKind) as a label.</extracomment>
        <translation>银行</translation>
    </message>
    <message>
        <source>securities</source>
        <translation>证券</translation>
    </message>
    <message>
        <source>insurer</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>fintech</source>
        <translation>金融科技</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>big tech</source>
        <translation>科技巨头</translation>
    </message>
    <message>
        <source>AI vendor</source>
        <translation>AI厂商</translation>
    </message>
    <message>
        <source>software vendor</source>
        <translation>软件厂商</translation>
    </message>
    <message>
        <source>startup</source>
        <translation>初创企业</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>drug maker</source>
        <translation>药企</translation>
    </message>
    <message>
        <source>research</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Adopter</source>
        <translation>采用方</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Funded</source>
        <translation>获投企业</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>上市公司</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <source>Providers</source>
        <extracomment>The universes as menu items (core.source.UNIVERSES).</extracomment>
        <translation>供给方</translation>
    </message>
    <message>
        <source>Adopters</source>
        <translation>需求方</translation>
    </message>
    <message>
        <source>All companies</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>providers (vendors, model and tool makers, funded and listed AIGC companies)</source>
        <extracomment>What each universe holds, as a clause (&quot;…; universe: providers, …&quot;).</extracomment>
        <translation>供给方（厂商、模型与工具开发商、获投及上市的AIGC企业）</translation>
    </message>
    <message>
        <source>adopters (the companies that use AIGC: the demand side)</source>
        <translation>需求方（使用AIGC的企业）</translation>
    </message>
    <message>
        <source>all companies (providers, adopters, partners and research actors)</source>
        <translation>全部企业（供给方、需求方、合作伙伴及研究机构）</translation>
    </message>
    <message>
        <source>providers</source>
        <extracomment>The universes as a word inside a sentence (the English word is the universe&apos;s name).</extracomment>
        <translation>供给方</translation>
    </message>
    <message>
        <source>adopters</source>
        <translation>需求方</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>not ranked: outside the {universe} universe</source>
        <extracomment>A company outside the universe ranked, as said everywhere.</extracomment>
        <translation>未排名：不在“{universe}”筛选范围内</translation>
    </message>
    <message>
        <source>capital</source>
        <translation>融资额</translation>
    </message>
    <message>
        <source>recency</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>{label} {figure}{norm}</source>
        <translation>{label} {figure}{norm}</translation>
    </message>
    <message>
        <source>{label} at least {figure}: none stated, the capital as a floor{norm}</source>
        <translation>{label}至少 {figure}：未披露，以融资额为下限{norm}</translation>
    </message>
    <message>
        <source>{label}: not stated, left out</source>
        <translation>{label}：未披露，不计入</translation>
    </message>
    <message>
        <source>{label}: not stated, counts as neutral (0.5)</source>
        <translation>{label}：未披露，按中性值计（0.5）</translation>
    </message>
    <message>
        <source>{label}: not stated, counts as zero</source>
        <translation>{label}：未披露，按零计</translation>
    </message>
    <message>
        <source>{label}: none disclosed</source>
        <translation>{label}：均未披露</translation>
    </message>
    <message>
        <source>custom weights</source>
        <translation>自定义权重</translation>
    </message>
    <message>
        <source>Clients</source>
        <extracomment>What each kind of company fact is called, in the order the views list them.</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <source>Quantified outcomes</source>
        <translation>量化成果</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立时间</translation>
    </message>
    <message>
        <source>Founders</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>Rounds (as written)</source>
        <translation>轮次（按原文）</translation>
    </message>
    <message>
        <source>Market size</source>
        <extracomment>The kinds of segment figures the map and the detail view list (the memo lists every kind), with their headings.</extracomment>
        <translation>市场规模</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>应用普及</translation>
    </message>
    <message>
        <source>Market context</source>
        <translation>市场背景</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Funding statistics</source>
        <translation>融资统计</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Universe: providers by default (vendors, model and tool makers, funded and listed AIGC companies), adopters (the demand side) or all.</source>
        <translation>筛选范围：默认为供给方（厂商、模型与工具开发商、获投及上市的AIGC企业），也可选需求方或全部。</translation>
    </message>
    <message>
        <source>Universe: {universe}.</source>
        <translation>筛选范围：{universe}。</translation>
    </message>
    <message>
        <source> A company&apos;s segment signals come from the segments where it plays the universe&apos;s role (a bank adopting a code assistant earns no market-space credit as a provider); every signal is normalised across the companies of the universe only.</source>
        <translation>企业的细分赛道信号只来自它在其中担任该筛选范围角色的细分赛道（采用代码助手的银行不会作为供给方获得市场空间得分）；每个信号只在筛选范围内的企业之间归一化。</translation>
    </message>
    <message>
        <source>Signals 0–1 per company: value = market-space stars of its segments mixed with its traction; difficulty = logic, compute and corpus stars; funding = disclosed capital (log scale), latest valuation (log), recency and stage. A company in several segments gets the mean of their stars.</source>
        <translation>每家企业的信号取值 0–1：市场空间 = 所在细分赛道的市场空间星级与其市场进展的加权组合；落地难度 = 逻辑难度、算力成本与语料成本星级；融资 = 已披露融资额（对数刻度）、最新估值（对数）、时效与阶段。企业跨多个细分赛道时取其星级的平均值。</translation>
    </message>
    <message>
        <source>Traction: the number of distinct sentences of the report among the company&apos;s named clients, quantified outcomes, products and listing, each sentence counted once however many facts it supports, on a log scale (log(1 + n)); mixed into value by the value sub-weights (market, traction).</source>
        <translation>市场进展：报告中涉及该企业具名客户、量化成果、产品与上市的不同句子数，每句无论支撑多少事实只计一次，取对数刻度（log(1 + n)）；按市场空间的子权重（市场、市场进展）并入市场空间。</translation>
    </message>
    <message>
        <source>Funding follows the money: capital weighs most (sub-weights capital, valuation, recency, stage); a company with disclosed capital and no stated valuation has its capital as a floor for its valuation (a post-money valuation is at least the capital raised), and an unstated recency or stage is left out of its mean instead of counting as zero; a company with no funding figure never outranks one with any.</source>
        <translation>融资以资金为准：融资额权重最大（子权重：融资额、估值、时效、阶段）；已披露融资额但未披露估值的企业，以融资额作为估值下限（投后估值至少等于已融资额）；未披露的时效或阶段不计入平均值，而不是按零计；没有任何融资数据的企业排名不会高于有融资数据的企业。</translation>
    </message>
    <message>
        <source>Score = 100 × Σ|w|·s′ / Σ|w|, with s′ = s for a positive weight and 1 − s for a negative one (a negative difficulty weight prefers easier segments). Contributions add up to the score.</source>
        <translation>得分 = 100 × Σ|w|·s′ / Σ|w|，权重为正时 s′ = s，为负时 s′ = 1 − s（落地难度权重为负即偏好更易落地的细分赛道）。各项贡献之和即为得分。</translation>
    </message>
    <message>
        <source>Amounts are kept as written; vague words get documented ranges (超X: X–1.2X; 近X: 0.9X–X; 数亿: 2–9亿; 亿级: 1–5亿) and a point estimate; yuan are converted at the stated rate. Such figures are marked ≈.</source>
        <translation>金额按原文保留；模糊表述按既定区间取值（超X：X–1.2X；近X：0.9X–X；数亿：2–9亿；亿级：1–5亿）并给出点估计；人民币按所列汇率换算。此类数字标 ≈。</translation>
    </message>
    <message>
        <source>Ties: {ties}. Source of every fact: the quoted sentence of the report, with its section.</source>
        <translation>并列：{ties}。每项事实的来源：报告中的引文及其章节。</translation>
    </message>
    <message>
        <source>more value (market space and traction)</source>
        <extracomment>What a positive and a negative weight on each signal prefer, as a phrase.</extracomment>
        <translation>更大的市场空间（市场空间与市场进展）</translation>
    </message>
    <message>
        <source>less value (market space and traction)</source>
        <translation>更小的市场空间（市场空间与市场进展）</translation>
    </message>
    <message>
        <source>harder segments (difficulty as a moat)</source>
        <translation>更难落地的细分赛道（以难度为护城河）</translation>
    </message>
    <message>
        <source>easier segments</source>
        <translation>更易落地的细分赛道</translation>
    </message>
    <message>
        <source>more funding</source>
        <translation>更多融资</translation>
    </message>
    <message>
        <source>less funding</source>
        <translation>更少融资</translation>
    </message>
    <message>
        <source>value</source>
        <extracomment>The signals and sub-weights as words in a sentence (the English word is the key).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>traction</source>
        <translation>市场进展</translation>
    </message>
    <message>
        <source>logic</source>
        <translation>逻辑难度</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>算力成本</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>语料成本</translation>
    </message>
    <message>
        <source>ease</source>
        <translation>易落地</translation>
    </message>
    <message>
        <source>moat</source>
        <translation>护城河</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <extracomment>The sub-weights of each signal, as the words name them.</extracomment>
        <translation>{items}和{last}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Custom weights</source>
        <translation>自定义权重</translation>
    </message>
    <message>
        <source> (value {value}, difficulty {difficulty}, funding {funding})</source>
        <translation>（市场空间 {value}，落地难度 {difficulty}，融资 {funding}）</translation>
    </message>
    <message>
        <source>{head}: every weight is zero, so every company scores 0 and shares rank 1.</source>
        <translation>{head}：所有权重均为零，因此每家企业得分为 0，并列第 1 名。</translation>
    </message>
    <message>
        <source>only {what}</source>
        <translation>只看{what}</translation>
    </message>
    <message>
        <source>equal weight on {what}</source>
        <translation>同等看重{what}</translation>
    </message>
    <message>
        <source>{shares} of the score</source>
        <translation>{shares}（占得分比例）</translation>
    </message>
    <message>
        <source>{head}: {body}</source>
        <translation>{head}：{body}</translation>
    </message>
    <message>
        <source>; {signals} not weighed</source>
        <translation>；{signals}不计权重</translation>
    </message>
    <message>
        <source>{signal} mixes {parts}</source>
        <translation>{signal}由{parts}组合</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>outcome</source>
        <extracomment>The order in which a company&apos;s quoted facts count as its strongest: a quantified outcome, a named client, a listing, then its largest disclosed round (&quot;round&quot;), a product, the rest. What each fact kind is called in a reason line (plural where several values share a quote).</extracomment>
        <translation>成果</translation>
    </message>
    <message>
        <source>outcomes</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>上市</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>founded</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>founders</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>raised {what}: {quote}</source>
        <translation>融资 {what}：{quote}</translation>
    </message>
    <message>
        <source>{score} points</source>
        <translation>{score} 分</translation>
    </message>
    <message>
        <source> (no figure for {signals})</source>
        <translation>（缺少{signals}数据）</translation>
    </message>
    <message>
        <source>Balanced</source>
        <extracomment>A preset&apos;s lens as a column heading.</extracomment>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>易落地</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Moat</source>
        <translation>护城河</translation>
    </message>
    <message>
        <source>in the top {n} under every lens</source>
        <translation>在每个视角下均位列前 {n} 名</translation>
    </message>
    <message>
        <source>no other company is at least as good on value, ease (1 − difficulty) and funding and better on one</source>
        <extracomment>What &quot;Pareto-optimal&quot; means, as a clause.</extracomment>
        <translation>没有其他企业在市场空间、易落地程度（1 − 落地难度）和融资上都不逊于它且至少一项更优</translation>
    </message>
    <message>
        <source>Added by you from {file} (not in the report)</source>
        <translation>由你从 {file} 添加（不在报告中）</translation>
    </message>
    <message>
        <source>Not counted: your fact #{id} of the same round counts instead (the report&apos;s figures are kept here)</source>
        <translation>不计入：改按你对同一轮次的补充事实 #{id} 计算（此处保留报告的数字）</translation>
    </message>
</context>
<context>
    <name>ranking_model</name>
    <message>
        <source>value</source>
        <extracomment>What each column is and how it reads: described once in core.columns, in Col&apos;s order. The signals as the score&apos;s tooltip names them (English; translated where shown).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>funding</source>
        <translation>融资</translation>
    </message>
</context>
<context>
    <name>scoring</name>
    <message>
        <source>Balanced</source>
        <extracomment>The presets&apos; names for people: English source text, translate(&quot;scoring&quot;, …) where shown (core.present.preset_label does).</extracomment>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Market first</source>
        <translation>市场优先</translation>
    </message>
    <message>
        <source>Easy landing</source>
        <translation>易于落地</translation>
    </message>
    <message>
        <source>Follow the money</source>
        <translation>追随资金</translation>
    </message>
    <message>
        <source>Difficulty as a moat</source>
        <translation>以难度为护城河</translation>
    </message>
</context>
<context>
    <name>segment_layout</name>
    <message>
        <source>Difficulty (mean of logic, compute, corpus stars) →</source>
        <translation>落地难度（逻辑难度、算力成本、语料成本星级均值）→</translation>
    </message>
    <message>
        <source>Difficulty (mean of 3 ★) →</source>
        <translation>落地难度（三项 ★ 均值）→</translation>
    </message>
    <message>
        <source>Difficulty →</source>
        <translation>落地难度 →</translation>
    </message>
    <message>
        <source>Market space ★ →</source>
        <translation>市场空间 ★ →</translation>
    </message>
    <message>
        <source>big &amp; easy</source>
        <translation>空间大·易落地</translation>
    </message>
    <message>
        <source>big &amp; hard</source>
        <translation>空间大·难落地</translation>
    </message>
    <message>
        <source>small &amp; easy</source>
        <translation>空间小·易落地</translation>
    </message>
    <message>
        <source>small &amp; hard</source>
        <translation>空间小·难落地</translation>
    </message>
    <message>
        <source>{amount} of disclosed funding</source>
        <translation>已披露融资额 {amount}</translation>
    </message>
    <message>
        <source>{count} companies named</source>
        <translation>报告提及的企业 {count} 家</translation>
    </message>
    <message>
        <source>A circle this size: {what} (area in proportion; no mark is drawn smaller than the smallest).</source>
        <translation>此大小的圆表示{what}（面积与数值成正比；标记不会画得比最小的圆更小）。</translation>
    </message>
</context>
<context>
    <name>sensitivity_chart</name>
    <message>
        <source>Value</source>
        <extracomment>The line of each signal (the detail view&apos;s contribution bars use the same colours). Each chart&apos;s title, in English (shown through :func:`title`).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>{title} weight (now {weight})</source>
        <extracomment>No label on a chart is smaller than this (points).</extracomment>
        <translation>{title}权重（当前 {weight}）</translation>
    </message>
    <message>
        <source>rank {rank} now</source>
        <translation>当前排名第 {rank}</translation>
    </message>
    <message>
        <source>not ranked now</source>
        <translation>当前未参与排名</translation>
    </message>
    <message>
        <source>never in the top {n} as it sweeps {low} to {high}</source>
        <translation>权重在 {low} 到 {high} 之间变化时始终未进入前 {n} 名</translation>
    </message>
    <message>
        <source>in the top {n} at every weight</source>
        <translation>在所有权重下均位列前 {n} 名</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <source>in the top {n} from {spans}</source>
        <translation>权重为 {spans} 时位列前 {n} 名</translation>
    </message>
    <message>
        <source>best {best} (at {at_best}), worst {worst} (at {at_worst})</source>
        <translation>最好第 {best} 名（权重 {at_best}），最差第 {worst} 名（权重 {at_worst}）</translation>
    </message>
    <message>
        <source>not ranked at {unranked} of {total} weights</source>
        <translation>{total} 个权重取值中有 {unranked} 个未参与排名</translation>
    </message>
    <message>
        <source>{head}: {words}</source>
        <translation>{head}：{words}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>You already have this fact: #{id} ({summary}); nothing was added. To change it, edit #{id} or retire it first.</source>
        <extracomment>From this many companies on, a new ranking is computed off the UI thread (a :class:`RankJob`).</extracomment>
        <translation>您已有这条事实：#{id}（{summary}），未重复添加。如需修改，请编辑 #{id} 或先将其停用。</translation>
    </message>
</context>
<context>
    <name>table_view</name>
    <message>
        <source>Drag a column&apos;s header to move it</source>
        <extracomment>The columns that stay in view while the table scrolls sideways, in their order. The column that can never be hidden (a row must say which company it is). Hidden until the user shows them (or the table has room, see SHOWN_WHEN_ROOM), so that the default set fits a 1280 px wide window with the filters and the detail pane: the segments (the detail and the map say them), the three signals (the score&apos;s tooltip and the detail break the score into them), valuation and stability (both in the detail), the pipeline&apos;s stage (shown when a first company enters the pipeline, and in the Pipeline tab). Shown as well, in this order, when the table is wide enough for them (a large screen). Room kept for the vertical scroll bar and the frame when fitting the columns (px). Default widths (px) of the columns; the rest get the header&apos;s default. The hint at the foot of the column menu (English; shown translated, context &quot;table_view&quot;).</extracomment>
        <translation>拖动列标题可移动该列</translation>
    </message>
</context>
<context>
    <name>weights_panel</name>
    <message>
        <source>Value</source>
        <extracomment>The context of this module&apos;s constants (marked with QT_TRANSLATE_NOOP, translated by _tr). Each signal&apos;s label and tooltip (English; :func:`_tr` gives them in the language shown).</extracomment>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Market-space stars of the company&apos;s segments, mixed with its traction: the sentences of the report naming its clients, quantified outcomes, products and listing</source>
        <translation>公司所属细分赛道的市场空间星级，结合其市场进展（客户与成果）：报告中提及其客户、量化成果、产品和上市情况的语句</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>落地难度</translation>
    </message>
    <message>
        <source>Logic, compute and corpus stars. Negative: prefer easier segments; positive: difficulty is a moat</source>
        <translation>逻辑难度、算力成本和语料成本的星级。负值：偏好更容易落地的细分赛道；正值：难度即护城河</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Disclosed capital, latest valuation, recency and stage of funding</source>
        <translation>已披露融资额、最新估值、融资时效和融资阶段</translation>
    </message>
    <message>
        <source>Market space</source>
        <translation>市场空间</translation>
    </message>
    <message>
        <source>Traction</source>
        <translation>市场进展</translation>
    </message>
    <message>
        <source>Logic difficulty</source>
        <translation>逻辑难度</translation>
    </message>
    <message>
        <source>Compute cost</source>
        <translation>算力成本</translation>
    </message>
    <message>
        <source>Corpus cost</source>
        <translation>语料成本</translation>
    </message>
    <message>
        <source>Disclosed capital</source>
        <translation>已披露融资额</translation>
    </message>
    <message>
        <source>Latest valuation</source>
        <translation>最新估值</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>融资时效</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>融资阶段</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <extracomment>The signals&apos; labels with their keyboard mnemonics (Alt+V, Alt+D, Alt+F).</extracomment>
        <translation>市场空间(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Difficulty</source>
        <translation>落地难度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Funding</source>
        <translation>融资(&amp;F)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
</TS>
