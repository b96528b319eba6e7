#!/usr/bin/env python3
"""Writes sound-outcomes.txt beside the recorded target data: every scenario where
Retort's outcome differs from Alembic's on purpose, with the outcome and the reason.

The outcome follows from the scenario's anomaly marks (see README.md, "Anomalies") and
from the deliberate departures below; nothing here runs Retort.
"""
import json
import pathlib

DATA = (pathlib.Path(__file__).resolve().parents[2]
        / "testkit/src/main/resources/dev/retort/testkit/conformance/alembic-targets")

# In order of precedence: the first mark a scenario carries decides.
BY_ANOMALY = [
    ("named_branch_not_applied", "unchanged",
     "Alembic downgraded other branches although the named branch was never applied"),
    ("walked_past_base", "refused",
     "Alembic's relative walk left the named branch and took other branches down"),
    ("left_branch", "refused",
     "Alembic took a shared trunk down, and with it branches the target did not name"),
    ("unknown_label_ignored", "refused",
     "Alembic ignored a branch that does not exist; upgrade refuses it, so does Retort"),
    ("label_name_prefix_matched", "refused",
     "Alembic matched the start of a label name; Retort matches prefixes of revision ids only"),
    ("wrong_way_range_accepted", "refused",
     "Alembic wrote an empty script for an upgrade range that goes down"),
    ("label_prefix_ignored", "unchanged",
     "Alembic ignored the branch of P@head on downgrade; downgrading to a head reverts nothing"),
    ("applied_refused_as_downgrade_target", "kept",
     "Alembic refused an applied revision of the branch as a downgrade target"),
    ("crash", "refused", "Alembic crashed; Retort refuses with a message"),
]

DEPARTURES = {
    "-N_several_rows": ("refused",
                        "-N from several version rows: Alembic 1.6 deprecated it and walks from"
                        " whichever row the database returns first; Retort asks for ID-N"),
}


def ancestors(revisions, ids):
    parents = {r["id"]: r["revises"] + r["dependsOn"] for r in revisions}
    seen, work = set(), list(ids)
    while work:
        n = work.pop()
        if n not in seen:
            seen.add(n)
            work.extend(parents[n])
    return seen


def offline_crash(graph, s):
    """upgrade --sql L@base:L@head: the script from base to the branch's head."""
    label = s["target"].split("@")[0]
    heads = [r for r, labels in graph["alembicBranchLabels"].items()
             if label in labels and not any(label in graph["alembicBranchLabels"][c["id"]]
                                            for c in graph["revisions"] if r in c["revises"])]
    if len(heads) > 1:
        return ("refused", "Alembic crashed on LABEL@base as FROM; LABEL@head names "
                + str(len(heads)) + " heads here, so Retort refuses it as ambiguous")
    applied = ancestors(graph["revisions"], heads)
    return ("applied:" + ",".join(sorted(applied)),
            "Alembic crashed on LABEL@base as FROM; Retort writes the script from base to the"
            " branch's head")


def online_counterpart(graph, s):
    """The online scenario an offline downgrade FROM:TO repeats: TO from the rows FROM stands for."""
    to = s["target"].split(":", 1)[1]
    for o in graph["scenarios"]:
        if (o["mode"] == "online" and o["command"] == s["command"] and o["target"] == to
                and o["startVersionTable"] == s["startVersionTable"]):
            return o
    return None


def offline_unmarked(graph, s):
    """The recorder marks defects online only; an offline downgrade shows the same ones."""
    if s["mode"] != "offline" or s["command"] != "downgrade" or ":" not in s["target"]:
        return None
    online = online_counterpart(graph, s)
    if online and online["anomalies"]:
        token, reason = outcome(graph, online)
        return token, reason + "; offline, as online " + graph["name"] + "/" + online["id"]
    error = s["error"]
    if (error and error["category"] == "invalid_downgrade_target"
            and s["resolved"] and s["resolved"]["revision"] in s["startApplied"]):
        return ("kept", "Alembic refused an applied revision of the branch as a downgrade target"
                " (applied_refused_as_downgrade_target, offline: the recorder marks it online only)")
    return None


def outcome(graph, s):
    if s["form"] in DEPARTURES:
        return DEPARTURES[s["form"]]
    if not s["anomalies"]:
        return offline_unmarked(graph, s)
    if s["anomalies"] == ["crash"] and s["mode"] == "offline":
        return offline_crash(graph, s)
    for mark, token, reason in BY_ANOMALY:
        if mark in s["anomalies"]:
            return token, reason + " (" + ", ".join(s["anomalies"]) + ")"
    return None


def main():
    lines = ["# graph/scenario  outcome  reason: written by tools/alembic-targets/sound_outcomes.py;",
             "# outcomes: refused (nothing changes), unchanged (refused or nothing to do),",
             "# kept (runs; the revision Alembic refused stays applied), applied:IDS (exactly these after)."]
    for name in (DATA / "index.txt").read_text().split():
        graph = json.loads((DATA / name).read_text())
        for s in graph["scenarios"]:
            found = outcome(graph, s)
            if found:
                lines.append(f"{graph['name']}/{s['id']} {found[0]} {found[1]}")
    (DATA / "sound-outcomes.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
