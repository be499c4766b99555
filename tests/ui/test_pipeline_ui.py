"""The pipeline in the window: the Pipeline tab grouped by stage, its editors, the Stage column
and the Stage filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.analyst import STAGES
from core.filters import NO_STAGE, Filters, stage_mask
from ui.pipeline_view import DateDelegate, Entry, PCol, PipelineView, StageDelegate
from ui.ranking_model import Col


def test_the_pipeline_model_groups_by_stage(qtbot, qtmodeltester):
    view = PipelineView()
    qtbot.addWidget(view)
    entries = [
        Entry("a", "Alpha", "screening", "ann", "call", "2025-02-01"),
        Entry("b", "Beta", "diligence"),
        Entry("c", "Gamma", "screening", next_date="2025-01-10"),
    ]
    view.set_pipeline(entries, STAGES, {"diligence": "DD"})
    qtmodeltester.check(view.model)
    assert view.model.company_ids("screening") == ["c", "a"]  # by next date
    assert view.model.index(STAGES.index("diligence"), 0).data() == "DD — 1 company"
    edits, renames = [], []
    view.sig_edit.connect(lambda *a: edits.append(a))
    view.sig_rename_stage.connect(lambda *a: renames.append(a))
    assert view.model.setData(view.model.company_index("b", PCol.STAGE), "committee")
    assert view.model.setData(view.model.company_index("a", PCol.OWNER), "bob")
    assert view.model.setData(view.model.stage_index("diligence"), "Due diligence")
    assert edits == [("b", "stage", "committee"), ("a", "owner", "bob")]
    assert renames == [("diligence", "Due diligence")]
    assert isinstance(view.tree.itemDelegateForColumn(PCol.STAGE), StageDelegate)
    assert isinstance(view.tree.itemDelegateForColumn(PCol.NEXT_DATE), DateDelegate)
    menu = view.context_menu(view.model.stage_index("screening"))
    assert any("Rename stage" in a.text() for a in menu.actions())


def test_a_stage_change_shows_in_the_table_the_tab_and_the_filter(qtbot, win):
    cid = win.visible_ids()[3]
    win.select_company(cid)
    win.toggle_current_star()  # shortlisting puts it in Screening
    qtbot.waitUntil(lambda: cid in win.pipeline_view.model.company_ids("screening"), timeout=5000)
    win.window_actions.show_pipeline.trigger()
    assert win.views.currentWidget() is win.pipeline_view
    model = win.pipeline_view.model
    with qtbot.waitSignal(win.sig_pipeline_shown, timeout=5000):
        assert model.setData(model.company_index(cid, PCol.STAGE), "diligence")
    assert win.pipeline_view.model.company_ids("diligence") == [cid]
    assert "1 company" in model.index(STAGES.index("diligence"), 0).data()
    row = win.model.row_of(cid)
    assert win.model.index(row, Col.STAGE).data() == "Diligence"
    assert not win.table.isColumnHidden(Col.STAGE)  # shown with the first company in the pipeline
    # owner and next date, logged by the session
    with qtbot.waitSignal(win.sig_pipeline_shown, timeout=5000):
        model.setData(model.company_index(cid, PCol.NEXT_DATE), "2026-01-15")
    assert win.session.pipeline()[cid].next_date == "2026-01-15"
    # renamed stage
    with qtbot.waitSignal(win.sig_pipeline_shown, timeout=5000):
        win.rename_stage("diligence", "DD")
    assert win.model.index(win.model.row_of(cid), Col.STAGE).data() == "DD"
    assert model.index(STAGES.index("diligence"), 0).data(Qt.ItemDataRole.DisplayRole).startswith("DD")


def test_the_stage_filter_shows_the_companies_of_the_stage(qtbot, win):
    cid = win.visible_ids()[2]
    with qtbot.waitSignal(win.sig_pipeline_shown, timeout=5000):
        win.set_pipeline_field(cid, "stage", "committee")
    assert win.filters_panel.stage.findData("committee") > 0
    win.filters_panel.set_stage("committee")
    qtbot.waitUntil(lambda: win.visible_ids() == [cid], timeout=3000)
    win.filters_panel.set_stage(None)
    qtbot.waitUntil(lambda: len(win.visible_ids()) > 1, timeout=3000)


def test_the_stage_mask(ds):
    from core.signals import build_signals

    table = build_signals(ds)
    a, b = str(table.ids[0]), str(table.ids[1])
    stages = {a: "diligence", b: "passed"}
    assert stage_mask(table, {"diligence"}, stages).sum() == 1
    none = stage_mask(table, {NO_STAGE}, stages)
    assert none.sum() == len(table) - 2 and not none[table.row_of[a]]
    assert "stage diligence" in Filters(stages=frozenset({"diligence"})).describe()
