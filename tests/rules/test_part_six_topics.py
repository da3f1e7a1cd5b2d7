"""part-six-topic-missing on hand-written models, and the Sichuan profile that sets its topics."""
from __future__ import annotations

from _text_models import BODIES, HEADINGS, only, part, report, run

from giklint_rules.part_six_topics import PartSixTopicMissing

TOPICS = [{"label": "人大代表建议和政协提案办理结果公开情况", "keywords": ["建议", "提案"], "severity": "info"},
          {"label": "政务公开工作创新情况", "keywords": ["创新"]}]


def _report(part_six):
    return report(parts=[(n, HEADINGS[n], BODIES[n]) for n in range(1, 6)] + [(6, HEADINGS[6], part_six)])


def test_no_topics_no_findings():
    assert run(PartSixTopicMissing, _report(["本年度未收取信息处理费。"])) == []


def test_a_topic_without_any_keyword_is_reported_at_part_six_with_its_severity():
    model = _report(["本年度未收取信息处理费。", "本年度办理人大代表建议5件。"])
    finding = only(run(PartSixTopicMissing, model, options={"topics": TOPICS}))
    assert (finding.code, finding.rule) == ("GK504", "part-six-topic-missing")
    assert finding.message == "第六部分“其他需要报告的事项”未报告“政务公开工作创新情况”"
    assert finding.severity == "warning" and finding.line == part(model, 6)["location"]["line"]
    topics = [TOPICS[0], {**TOPICS[1], "severity": "info"}]
    assert only(run(PartSixTopicMissing, model, options={"topics": topics})).severity == "info"


def test_every_topic_mentioned_passes():
    model = _report(["本年度办理人大代表建议5件，推进政务公开创新。"])
    assert run(PartSixTopicMissing, model, options={"topics": TOPICS}) == []


def test_no_part_six_is_left_to_section_missing():
    model = _report(["无。"])
    model["sections"] = model["sections"][:5]
    assert run(PartSixTopicMissing, model, options={"topics": TOPICS}) == []


def test_sichuans_topics_come_under_their_own_slug_not_the_fee_rule(tmp_path, capsys):
    from conftest import EXAMPLES

    from giklint.cli import main

    report_file = tmp_path / "r.md"
    report_file.write_text((EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", str(report_file), "--province", "sichuan", "--select", "GK5", "-q"])
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{report_file}:106:4: GK504 [info] 第六部分“其他需要报告的事项”未报告“落实年度政务公开工作要点情况” "
                     "(part-six-topic-missing)"]  # the report covers 建议提案 but not 工作要点


def test_topics_are_checked_when_the_configuration_is_read(tmp_path, capsys):
    from giklint.cli import main

    (tmp_path / "giklint.toml").write_text(
        '[rules.part-six-topic-missing]\ntopics = [{ label = "工作要点", keyword = ["工作要点"] }]\n', encoding="utf-8")
    (tmp_path / "r.md").write_text("# 某局2021年政府信息公开工作年度报告\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "r.md")]) == 2
    error = capsys.readouterr().err
    assert "rules.part-six-topic-missing.topics" in error and "第1项有未知的键 keyword" in error
