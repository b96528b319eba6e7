#!/usr/bin/python3
"""Record what real Alembic 1.8.1 does with every target form.

Builds small hand-made revision graphs as real Alembic script directories,
runs `alembic.command.upgrade` / `downgrade` with each target form from
several start states (one forked child process per scenario, killed after a
timeout), and
writes what happened as JSON test data.  See README.md beside this file.

Run with Debian's interpreter (python3-alembic 1.8.1, SQLAlchemy 1.4.46):

    /usr/bin/python3 tools/alembic-targets/record.py

The script re-executes itself with PYTHONHASHSEED=0: Alembic iterates sets
of revisions, so the order of its calls depends on string hashing.
"""

import argparse
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

SCHEMA_VERSION = 1
TIMEOUT_SECONDS = 20
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# Graphs.  Each revision: (id, revises, dependsOn, branchLabels).  The list
# order is the load order (files NNN_<id>.py, listed sorted).
# --------------------------------------------------------------------------


def R(id_, revises=(), depends=(), labels=()):
    return {"id": id_, "revises": list(revises), "dependsOn": list(depends),
            "branchLabels": list(labels)}


GRAPHS = [
    {
        "name": "linear",
        "shape": "linear",
        "description": "one chain of six revisions, no labels",
        "revisions": [
            R("a1_init"), R("a2_users", ["a1_init"]),
            R("a3_orders", ["a2_users"]), R("a4_items", ["a3_orders"]),
            R("a5_index", ["a4_items"]), R("a6_audit", ["a5_index"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "partway": [["upgrade", "a3_orders"]],
        },
        "params": {"low": "a1_init", "mid": "a3_orders", "top": "a6_audit",
                   "pu": "a4", "pa": "a", "idb": "a2_users"},
    },
    {
        "name": "branchpoint",
        "shape": "branch_point",
        "description": "r1 <- r2, then two unlabelled branches b1..b3 and "
                       "c1..c2 (two heads, fork r2_core)",
        "revisions": [
            R("r1_root"), R("r2_core", ["r1_root"]),
            R("b1_cart", ["r2_core"]), R("b2_items", ["b1_cart"]),
            R("b3_tax", ["b2_items"]),
            R("c1_mail", ["r2_core"]), R("c2_queue", ["c1_mail"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "branch_head": [["upgrade", "b3_tax"]],
            "branch_partway": [["upgrade", "c1_mail"]],
        },
        "params": {"low": "r1_root", "mid": "b2_items", "top": "b3_tax",
                   "fork": "r2_core", "pu": "c2", "pa": "b",
                   "idb": "b1_cart", "idb2": "c1_mail"},
    },
    {
        "name": "merge",
        "shape": "merge",
        "description": "r1 <- r2, branches b1..b2 and c1..c2, merged by "
                       "m1_merge, then m2_after (one head)",
        "revisions": [
            R("r1_root"), R("r2_core", ["r1_root"]),
            R("b1_cart", ["r2_core"]), R("b2_items", ["b1_cart"]),
            R("c1_mail", ["r2_core"]), R("c2_queue", ["c1_mail"]),
            R("m1_merge", ["b2_items", "c2_queue"]), R("m2_after", ["m1_merge"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "branch_head": [["upgrade", "b2_items"]],
            "branch_partway": [["upgrade", "c1_mail"]],
            "both_parents": [["upgrade", "b2_items"], ["upgrade", "c2_queue"]],
        },
        "params": {"low": "r1_root", "mid": "b1_cart", "top": "m2_after",
                   "fork": "r2_core", "merge": "m1_merge", "pu": "m2",
                   "pa": "c", "idb": "b1_cart", "idb2": "c2_queue"},
    },
    {
        "name": "two_bases",
        "shape": "two_bases",
        "description": "two independent chains x1..x3 and y1..y4 (two bases, "
                       "two heads), no labels",
        "revisions": [
            R("x1_auth"), R("x2_roles", ["x1_auth"]), R("x3_perm", ["x2_roles"]),
            R("y1_blob"), R("y2_thumb", ["y1_blob"]), R("y3_cdn", ["y2_thumb"]),
            R("y4_purge", ["y3_cdn"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "branch_head": [["upgrade", "x3_perm"]],
            "branch_partway": [["upgrade", "y2_thumb"]],
        },
        "params": {"low": "y1_blob", "mid": "y2_thumb", "top": "y4_purge",
                   "pu": "x3", "pa": "y", "idb": "x2_roles",
                   "idb2": "y3_cdn"},
    },
    {
        "name": "labelled",
        "shape": "labelled_branches",
        "description": "r1 <- r2 (fork), branch 'billing' (label on b1) and "
                       "branch 'reports' (label on p1); each head carries "
                       "its own label",
        "revisions": [
            R("r1_root"), R("r2_core", ["r1_root"]),
            R("b1_invoice", ["r2_core"], labels=["billing"]),
            R("b2_tax", ["b1_invoice"]), R("b3_refund", ["b2_tax"]),
            R("p1_report", ["r2_core"], labels=["reports"]),
            R("p2_chart", ["p1_report"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "branch_head": [["upgrade", "billing@head"]],
            "branch_partway": [["upgrade", "p1_report"]],
        },
        "params": {"low": "r1_root", "mid": "b2_tax", "top": "b3_refund",
                   "fork": "r2_core", "pu": "p2", "pa": "b",
                   "L": "billing", "L2": "reports", "Lid": "b1_invoice",
                   "Lprefix": "bill", "idb": "b2_tax", "idb2": "p1_report",
                   "LdTrunk": 3, "LdBelow": 4, "LdBase": 5},
    },
    {
        "name": "expand_contract",
        "shape": "expand_contract",
        "description": "OpenStack style: base k1_kilo, branch 'expand' "
                       "(e1..e3) and branch 'contract' (c1..c3); c2 dependsOn "
                       "e2, c3 dependsOn e3",
        "revisions": [
            R("k1_kilo"),
            R("e1_expand", ["k1_kilo"], labels=["expand"]),
            R("e2_addcol", ["e1_expand"]), R("e3_addidx", ["e2_addcol"]),
            R("c1_contract", ["k1_kilo"], labels=["contract"]),
            R("c2_dropcol", ["c1_contract"], depends=["e2_addcol"]),
            R("c3_dropidx", ["c2_dropcol"], depends=["e3_addidx"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "branch_head": [["upgrade", "expand@head"]],
            "branch_partway": [["upgrade", "c2_dropcol"]],
        },
        "params": {"low": "k1_kilo", "mid": "e2_addcol", "top": "c3_dropidx",
                   "fork": "k1_kilo", "pu": "e3", "pa": "c",
                   "L": "contract", "L2": "expand", "Lid": "c1_contract",
                   "Lprefix": "contr", "idb": "e2_addcol",
                   "idb2": "c2_dropcol", "LdTrunk": 3, "LdBase": 4},
    },
    {
        "name": "ops_fork",
        "shape": "labelled_fork",
        "description": "unrelated base line m1..m3; label 'ops' on base "
                       "o1_ops, o2_jobs forks into o3a..o4a and o3b (three "
                       "heads, two of them in 'ops')",
        "revisions": [
            R("m1_main"), R("m2_users", ["m1_main"]), R("m3_audit", ["m2_users"]),
            R("o1_ops", labels=["ops"]), R("o2_jobs", ["o1_ops"]),
            R("o3a_left", ["o2_jobs"]), R("o4a_left", ["o3a_left"]),
            R("o3b_right", ["o2_jobs"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "ops_never_applied": [["upgrade", "m3_audit"]],
            "ops_applied": [["upgrade", "ops@heads"]],
            "ops_one_side": [["upgrade", "m3_audit"], ["upgrade", "o4a_left"]],
            "ops_partway": [["upgrade", "o2_jobs"]],
        },
        "params": {"low": "o1_ops", "mid": "o2_jobs", "top": "o4a_left",
                   "fork": "o2_jobs", "pu": "o4", "pa": "o3",
                   "L": "ops", "Lid": "o2_jobs", "Lprefix": "op",
                   "idb": "o3a_left", "idb2": "m2_users"},
        "allStartsForLabelForms": True,
        "labelOnlyStarts": ["ops_applied", "ops_one_side"],
    },
    {
        "name": "ops_fork_shared",
        "shape": "labelled_fork",
        "description": "as ops_fork, but 'ops' (o1_ops) and the main line "
                       "m1..m2 both revise the common base r1_root",
        "revisions": [
            R("r1_root"), R("m1_main", ["r1_root"]), R("m2_users", ["m1_main"]),
            R("o1_ops", ["r1_root"], labels=["ops"]), R("o2_jobs", ["o1_ops"]),
            R("o3a_left", ["o2_jobs"]), R("o4a_left", ["o3a_left"]),
            R("o3b_right", ["o2_jobs"]),
        ],
        "starts": {
            "empty": [],
            "heads": [["upgrade", "heads"]],
            "ops_never_applied": [["upgrade", "m2_users"]],
            "ops_applied": [["upgrade", "ops@heads"]],
            "ops_one_side": [["upgrade", "m2_users"], ["upgrade", "o4a_left"]],
            "ops_partway": [["upgrade", "o2_jobs"]],
        },
        "params": {"low": "r1_root", "mid": "o2_jobs", "top": "o4a_left",
                   "fork": "o2_jobs", "fork2": "r1_root", "pu": "o4",
                   "pa": "o3", "L": "ops", "Lid": "o2_jobs",
                   "Lprefix": "op", "idb": "o3a_left", "idb2": "m1_main"},
        "allStartsForLabelForms": True,
        "labelOnlyStarts": ["ops_applied", "ops_one_side"],
    },
]

# --------------------------------------------------------------------------
# Target forms.  (form, template, commands, starts)
#   "rel":   upgrade from every start state but "heads", downgrade from
#            every start state but "empty"
#   "one":   upgrade from "empty", downgrade from "heads"
#   "two":   upgrade from "empty" and the part-way start; downgrade from
#            "heads" and the one-branch start
#   "label": "two", or "rel" when the graph sets allStartsForLabelForms
# A graph's labelOnlyStarts are used by LABEL... and ID@... forms only.
# An optional fifth element names the only graphs the form is recorded on.
# A template naming a parameter the graph lacks is skipped.
# --------------------------------------------------------------------------

U, D, UD = ("upgrade",), ("downgrade",), ("upgrade", "downgrade")
# Refused by the parser before the graph is looked at: the same answer on
# every graph, so recorded on a few.
PARSER_ONLY = {"linear", "branchpoint", "ops_fork"}

FORMS = [
    ("head", "head", UD, "two"),
    ("heads", "heads", UD, "rel"),
    ("base", "base", UD, "rel"),
    ("full_id", "{low}", UD, "one"),
    ("full_id", "{mid}", UD, "two"),
    ("full_id", "{top}", UD, "two"),
    ("unique_prefix", "{pu}", UD, "one"),
    ("ambiguous_prefix", "{pa}", UD, "one"),
    ("unknown_id", "zz9_nope", UD, "one"),
    ("label_prefix", "{Lprefix}", UD, "one"),
    ("+N", "+1", U, "rel"),
    ("+N", "+2", U, "two"),
    ("+N", "+1", D, "one"),
    ("-N", "-1", D, "rel"),
    ("-N", "-2", D, "two"),
    ("-N", "-1", U, "one"),
    ("+0", "+0", UD, "one", PARSER_ONLY),
    ("-0", "-0", UD, "one", PARSER_ONLY),
    ("ID+N", "{low}+1", UD, "one"),
    ("ID+N", "{low}+2", UD, "one"),
    ("ID+N", "{fork}+1", UD, "one"),
    ("ID-N", "{top}-1", UD, "one"),
    ("ID-N", "{mid}-1", UD, "one"),
    ("ID-N", "{merge}-1", UD, "one"),
    ("head-N", "head-1", UD, "one"),
    ("heads-N", "heads-1", UD, "one"),
    ("base+N", "base+1", UD, "one"),
    ("base+N", "base+2", UD, "one"),
    ("LABEL", "{L}", UD, "label"),
    ("LABEL", "{L2}", UD, "one"),
    ("LABEL@head", "{L}@head", UD, "label"),
    ("LABEL@head", "{L2}@head", UD, "one"),
    ("LABEL@heads", "{L}@heads", UD, "label"),
    ("LABEL@base", "{L}@base", UD, "label"),
    ("LABEL@base", "{L2}@base", D, "one"),
    ("LABEL@+N", "{L}@+1", U, "label"),
    ("LABEL@+N", "{L}@+2", U, "one"),
    ("LABEL@-N", "{L}@-1", D, "label"),
    ("LABEL@head-N", "{L}@head-1", UD, "label"),
    ("LABEL@head-N", "{L}@head-{LdTrunk}", D, "two"),
    ("LABEL@head-N", "{L}@head-{LdBelow}", D, "two"),
    ("LABEL@head-N", "{L}@head-{LdBase}", D, "two"),
    ("LABEL@-N", "{L}@-{LdBase}", D, "two"),
    ("LABEL@base+N", "{L}@base+1", UD, "two"),
    ("LABEL@ID+N", "{L}@{Lid}+1", UD, "two"),
    ("LABEL@ID", "{L}@{fork}", D, "label"),
    ("LABEL@ID", "{L}@{fork2}", D, "label"),
    ("LABEL@ID", "{L}@{low}", D, "two"),
    ("ID@head", "{idb}@head", UD, "two"),
    ("ID@head", "{fork}@head", U, "one"),
    ("ID@heads", "{idb}@heads", UD, "one"),
    ("ID@base", "{idb}@base", UD, "two"),
    ("ID@+N", "{idb}@+1", U, "rel"),
    ("ID@-N", "{idb}@-1", D, "rel"),
    ("ID@FORK", "{idb}@{fork}", D, "two"),
    ("ID@FORK", "{idb2}@{fork}", D, "two"),
    ("unknown_label", "nolabel@head", UD, "one"),
    ("unknown_label", "nolabel@{mid}", UD, "one"),
    ("unknown_label", "nolabel@-1", D, "one"),
    ("range", "{low}:{top}", U, "one", PARSER_ONLY),
    ("range", "{top}:{low}", D, "one", PARSER_ONLY),
    ("out_of_range", "+99", U, "one"),
    ("out_of_range", "-99", D, "one"),
    ("out_of_range", "{top}+1", UD, "one"),
    ("out_of_range", "{low}-2", UD, "one"),
    ("out_of_range", "head-99", UD, "one"),
    ("out_of_range", "base+99", UD, "one"),
    ("out_of_range", "{L}@+99", U, "one"),
    ("out_of_range", "{L}@-99", D, "one"),
    ("out_of_range", "{L}@head-99", D, "one"),
]

# Offline (--sql) scenarios: (form, template, command).
OFFLINE_FORMS = [
    ("heads", "heads", "upgrade"),
    ("FROM:TO", "base:heads", "upgrade"),
    ("FROM:TO", "base:head", "upgrade"),
    ("FROM:TO", "{low}:{top}", "upgrade"),
    ("FROM:TO", "{top}:{low}", "upgrade"),
    ("FROM:TO", "{L}@base:{L}@head", "upgrade"),
    ("FROM:TO", "{low}:+2", "upgrade"),
    ("FROM:TO", "{top}:{low}", "downgrade"),
    ("FROM:TO", "heads:base", "downgrade"),
    ("FROM:TO", "{low}:{top}", "downgrade"),
    ("FROM:TO", "{top}:-1", "downgrade"),
    ("FROM:TO", "heads:{L}@base", "downgrade"),
    ("FROM:TO", "heads:{L}@head-1", "downgrade"),
    ("FROM:TO", "heads:{L}@{fork}", "downgrade"),
    ("FROM:TO", "{top}:{L}@base", "downgrade"),
    ("FROM:TO", "{top}:{L}@{fork}", "downgrade"),
    ("FROM:TO", "{top}:{L}@head-1", "downgrade"),
    ("no_range", "base", "downgrade"),
]

# --------------------------------------------------------------------------
# Script directory
# --------------------------------------------------------------------------

ENV_PY = '''\
from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

config = context.config
url = config.get_main_option("sqlalchemy.url")

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True,
                      output_buffer=config.attributes["output_buffer"],
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection,
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
'''

REV_PY = '''\
from alembic import context, op

revision = {rev!r}
down_revision = {down}
branch_labels = {labels}
depends_on = {deps}


def upgrade():
    if context.is_offline_mode():
        op.execute("-- up {rev}")
    else:
        op.execute("INSERT INTO log (kind, rev) VALUES ('up', '{rev}')")


def downgrade():
    if context.is_offline_mode():
        op.execute("-- down {rev}")
    else:
        op.execute("INSERT INTO log (kind, rev) VALUES ('down', '{rev}')")
'''


def _py_tuple(values):
    if not values:
        return "None"
    if len(values) == 1:
        return repr(values[0])
    return repr(tuple(values))


def write_script_dir(graph, path):
    os.makedirs(os.path.join(path, "versions"))
    with open(os.path.join(path, "env.py"), "w") as f:
        f.write(ENV_PY)
    for i, rev in enumerate(graph["revisions"], 1):
        labels = repr(tuple(rev["branchLabels"])) if rev["branchLabels"] else "None"
        text = REV_PY.format(rev=rev["id"], down=_py_tuple(rev["revises"]),
                             labels=labels, deps=_py_tuple(rev["dependsOn"]))
        with open(os.path.join(path, "versions", "%03d_%s.py" % (i, rev["id"])), "w") as f:
            f.write(text)


def new_database(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE log (n INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT, rev TEXT)")
    con.commit()
    con.close()


def read_database(path):
    con = sqlite3.connect(path)
    try:
        log = [[k, r] for k, r in con.execute("SELECT kind, rev FROM log ORDER BY n")]
        has_vt = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        rows = [r for (r,) in con.execute("SELECT version_num FROM alembic_version")] if has_vt else []
    finally:
        con.close()
    return log, rows


def net_applied(log):
    applied = set()
    for kind, rev in log:
        if kind == "up":
            applied.add(rev)
        else:
            applied.discard(rev)
    return applied


# --------------------------------------------------------------------------
# Child: run one Alembic command, print a JSON result on stdout.
# --------------------------------------------------------------------------

def _rev_repr(r):
    if r is None:
        return None
    if isinstance(r, str):
        return r
    return r.revision


def child_run(spec):
    """Runs in a forked child: one Alembic command, result as a dict."""
    import warnings
    result = {"error": None, "cause": None, "warnings": [], "resolved": None,
              "currentHeads": None, "sql": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            from alembic import command
            from alembic.config import Config
            from alembic.script import ScriptDirectory
            from alembic.script.revision import RevisionMap

            # Observe (not change) how Alembic resolved the target and which
            # heads it read from the version table.
            resolved, heads_seen = [], []
            orig_up = RevisionMap._parse_upgrade_target
            orig_down = RevisionMap._parse_downgrade_target
            orig_uprevs = ScriptDirectory._upgrade_revs
            orig_downrevs = ScriptDirectory._downgrade_revs

            def parse_up(self, current_revisions, target, assert_relative_length):
                out = orig_up(self, current_revisions, target, assert_relative_length)
                resolved.append({"kind": "upgrade", "revisions": [_rev_repr(r) for r in out]})
                return out

            def parse_down(self, current_revisions, target, assert_relative_length):
                bl, rev = orig_down(self, current_revisions, target, assert_relative_length)
                resolved.append({"kind": "downgrade", "branchLabel": bl, "revision": _rev_repr(rev)})
                return bl, rev

            def up_revs(self, destination, current_rev):
                heads_seen.append(list(current_rev) if current_rev else [])
                return orig_uprevs(self, destination, current_rev)

            def down_revs(self, destination, current_rev):
                heads_seen.append(list(current_rev) if current_rev else [])
                return orig_downrevs(self, destination, current_rev)

            RevisionMap._parse_upgrade_target = parse_up
            RevisionMap._parse_downgrade_target = parse_down
            ScriptDirectory._upgrade_revs = up_revs
            ScriptDirectory._downgrade_revs = down_revs

            cfg = Config()
            cfg.set_main_option("script_location", spec["scriptDir"])
            cfg.set_main_option("sqlalchemy.url", "sqlite:///" + spec["db"])
            buf = io.StringIO()
            cfg.attributes["output_buffer"] = buf
            try:
                getattr(command, spec["command"])(cfg, spec["target"], sql=spec["sql"])
            except BaseException as e:  # everything is data here
                result["error"] = _exc(e)
                cause = e.__cause__ or e.__context__
                if cause is not None:
                    result["cause"] = _exc(cause)
            if resolved:
                result["resolved"] = resolved[0]
            if heads_seen:
                result["currentHeads"] = sorted(heads_seen[0])
            if spec["sql"]:
                result["sql"] = buf.getvalue()
        except BaseException as e:  # setup failure
            result["error"] = _exc(e)
    seen = []
    for w in caught:
        msg = str(w.message)
        if msg not in seen:
            seen.append(msg)
    result["warnings"] = seen
    return result


def _child_entry(spec, conn):
    try:
        res = child_run(spec)
        conn.send(json.dumps(res))
    finally:
        conn.close()
        os._exit(0)


def _exc(e):
    t = type(e)
    info = {"type": t.__name__, "qualifiedType": t.__module__ + "." + t.__qualname__,
            "message": str(e)}
    if not t.__module__.startswith("alembic"):  # a crash: say where
        tb = traceback.extract_tb(e.__traceback__)
        if tb:
            frame = tb[-1]
            info["where"] = "%s:%s %s" % (os.path.basename(frame.filename), frame.name,
                                          (frame.line or "").strip())
    return info


def _failure(type_, message):
    return {"error": {"type": type_, "qualifiedType": type_.lower(), "message": message},
            "cause": None, "warnings": [], "resolved": None, "currentHeads": None, "sql": None}


def run_children(specs, jobs):
    """Run each spec in its own forked child (Alembic is imported once, in
    the parent), at most `jobs` at a time, each killed after
    TIMEOUT_SECONDS.  Returns the results in the order of `specs`."""
    import multiprocessing
    from multiprocessing.connection import wait
    ctx = multiprocessing.get_context("fork")
    results = [None] * len(specs)
    todo = list(enumerate(specs))
    running = {}  # reader -> (index, process, deadline, started)
    while todo or running:
        while todo and len(running) < jobs:
            i, spec = todo.pop(0)
            reader, writer = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_child_entry, args=(spec, writer))
            p.start()
            writer.close()
            running[reader] = (i, p, time.time() + TIMEOUT_SECONDS, time.time())
        for reader in wait(list(running), timeout=0.5):
            i, p, _, started = running.pop(reader)
            try:
                res = json.loads(reader.recv())
            except EOFError:
                p.join()
                res = _failure("ProcessDied", "child exited with code %s and no answer" % p.exitcode)
            reader.close()
            p.join()
            res["elapsed"] = time.time() - started
            results[i] = res
        now = time.time()
        for reader, (i, p, deadline, _) in list(running.items()):
            if now > deadline:
                p.kill()
                p.join()
                reader.close()
                del running[reader]
                results[i] = _failure("Timeout", "no answer within %d s" % TIMEOUT_SECONDS)
    return results


# --------------------------------------------------------------------------
# Oracle over the recorded graph (independent of Alembic)
# --------------------------------------------------------------------------

class Graph:
    def __init__(self, spec):
        self.spec = spec
        self.revs = {r["id"]: r for r in spec["revisions"]}
        self.order = [r["id"] for r in spec["revisions"]]
        self.labels = {}
        for r in spec["revisions"]:
            for l in r["branchLabels"]:
                self.labels[l] = r["id"]
        self.parents = {i: list(r["revises"]) + list(r["dependsOn"]) for i, r in self.revs.items()}
        self.rparents = {i: list(r["revises"]) for i, r in self.revs.items()}
        self.children = {i: [] for i in self.revs}
        self.rchildren = {i: [] for i in self.revs}
        for i in self.revs:
            for p in self.parents[i]:
                self.children[p].append(i)
            for p in self.rparents[i]:
                self.rchildren[p].append(i)

    @staticmethod
    def _reach(starts, nxt):
        seen, todo = set(), list(starts)
        while todo:
            x = todo.pop()
            for y in nxt[x]:
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        return seen

    def anc(self, ids, revises_only=False):
        return self._reach(ids, self.rparents if revises_only else self.parents)

    def desc(self, ids, revises_only=False):
        return self._reach(ids, self.rchildren if revises_only else self.children)

    def closure(self, ids):
        ids = set(ids)
        return ids | self.anc(ids)

    def minimal(self, ids):
        ids = set(ids)
        return sorted(i for i in ids if not any(i in self.anc([j]) for j in ids if j != i))

    def lineage(self, rid):
        """Alembic's 'shares lineage' set of a revision: itself, its
        ancestors and its descendants through revises."""
        return {rid} | self.anc([rid], True) | self.desc([rid], True)

    def heads(self):
        """Heads through revises only (Alembic's get_heads())."""
        return [i for i in self.order if not self.rchildren[i]]

    def own(self, rid):
        """The part of rid's line that belongs to it alone: its lineage less
        every revision that is also below a head outside that lineage (the
        shared trunk)."""
        line = self.lineage(rid)
        others = [h for h in self.heads() if h not in line]
        return line - set(others) - self.anc(others, True)

    def name_to_rev(self, name):
        """Resolve a label, full id or unique prefix to a revision id."""
        if name in self.labels:
            return self.labels[name]
        if name in self.revs:
            return name
        hits = [i for i in self.order if len(i) > 3 and i.startswith(name)]
        return hits[0] if len(hits) == 1 else None

    def is_topological(self, calls, command):
        pos = {}
        for n, (_, r) in enumerate(calls):
            pos[r] = n
        for _, r in calls:
            for p in self.parents[r]:
                if p in pos:
                    if command == "upgrade" and pos[p] > pos[r]:
                        return False
                    if command == "downgrade" and pos[p] < pos[r]:
                        return False
        return True


# --------------------------------------------------------------------------
# Error categories and anomalies
# --------------------------------------------------------------------------

CATEGORY_RULES = [
    (r"Range revision not allowed", "range_refused_online"),
    (r"downgrade with --sql requires", "range_required_offline"),
    (r"Multiple head", "multiple_heads"),
    (r"Multiple heads are present", "multiple_heads"),
    (r"Relative revision .* didn't produce", "relative_out_of_range"),
    (r"Walked too far", "relative_out_of_range"),
    (r"Ambiguous walk", "ambiguous_walk"),
    (r"Ambiguous upgrade from multiple current revisions", "ambiguous_start"),
    (r"No such branch", "unknown_label"),
    (r"Multiple revisions start with", "ambiguous_prefix"),
    (r"No such revision or branch", "unknown_revision"),
    (r"is not a member of branch", "not_in_branch"),
    (r"overlaps with other requested revisions", "overlapping_revisions"),
    (r"is not a valid downgrade target", "invalid_downgrade_target"),
    (r"Not a valid downgrade target", "invalid_downgrade_target"),
    (r"is not a valid upgrade target", "invalid_upgrade_target"),
    (r"does not refer to ancestor/descendant", "invalid_range"),
]


def categorize(error, cause, target):
    if error is None:
        return None
    cat = _categorize(error, cause)
    if cat == "unknown_revision" and "@" in target:
        # "nolabel@head": Alembic looks the branch name up as a revision
        # and says "No such revision or branch 'nolabel'"
        prefix = target.split("@", 1)[0]
        msg = (cause or error)["message"]
        if "'%s'" % prefix in msg:
            cat = "unknown_label"
    return cat


def _categorize(error, cause):
    t = error["type"]
    if t == "Timeout":
        return "timeout"
    if t == "ProcessDied":
        return "crash"
    if t == "AssertionError":
        return "assertion_error"
    if t in ("KeyError", "TypeError", "AttributeError", "IndexError", "ValueError"):
        return "internal_error"
    texts = []
    if cause is not None:
        texts.append(cause["message"])
    texts.append(error["message"])
    for text in texts:
        for pattern, cat in CATEGORY_RULES:
            if re.search(pattern, text):
                return cat
    return "other"


# Alembic's own pattern for relative targets (script/revision.py)
RELATIVE = re.compile(r"(?:(.+?)@)?(\w+)?((?:\+|-)\d+)")

CRASH_CATEGORIES = {"assertion_error", "internal_error", "timeout", "crash"}


def find_anomalies(g, sc, res):
    """Mark what a sound implementation would not do.  Each rule is
    documented in README.md ("Anomalies")."""
    a = []
    cmd, target = sc["command"], sc["target"]
    err = sc["error"]
    cat = err["category"] if err else None
    calls = sc["calls"]
    start_applied = set(sc["startApplied"])
    applied = set(sc["applied"])
    vt = sc["versionTable"]

    if cat in CRASH_CATEGORIES:
        a.append("crash")
    if vt != sorted(g.minimal(vt)):
        a.append("redundant_version_row")
    if g.closure(vt) != applied:
        a.append("version_table_inconsistent")
    if g.closure(applied) != applied:
        a.append("applied_not_closed")
    ids = [r for _, r in calls]
    if len(ids) != len(set(ids)):
        a.append("repeated_call")
    if not g.is_topological(calls, cmd):
        a.append("calls_out_of_order")
    if cmd == "upgrade" and any(k == "down" for k, _ in calls):
        a.append("upgrade_ran_downgrade")
    if cmd == "downgrade" and any(k == "up" for k, _ in calls):
        a.append("downgrade_ran_upgrade")
    if any(k == "up" and r in start_applied for k, r in calls if sc["mode"] == "online"):
        a.append("reapplied")

    resolved = res.get("resolved") or {}
    prefix = target.split("@", 1)[0] if "@" in target and ":" not in target else None
    prefix_rev = g.name_to_rev(prefix) if prefix is not None else None
    symbol = target.split("@", 1)[1] if prefix is not None else target
    relative = RELATIVE.match(symbol) is not None

    if cmd == "downgrade" and sc["mode"] == "online":
        rrev = resolved.get("revision")
        removed = start_applied - applied
        if cat == "invalid_downgrade_target" and rrev in start_applied and (
                prefix_rev is None or rrev in g.lineage(prefix_rev)):
            # (P@X with X off P's line is a fair refusal)
            a.append("applied_refused_as_downgrade_target")
        if prefix is not None and prefix_rev is None and err is None:
            # downgrade BRANCH@X with a BRANCH that names nothing
            a.append("unknown_label_ignored")
        if prefix_rev is not None:
            own = g.own(prefix_rev)
            if err is None and removed:
                # revisions off the named branch's line came down, and not
                # as dependents of the branch's own revisions: a shared
                # trunk revision was removed and took other branches along
                outside = removed - g.lineage(prefix_rev) - g.desc(removed & own)
                if outside:
                    a.append("left_branch")
                    if relative:
                        a.append("walked_past_base")
                    if not start_applied & own:
                        a.append("named_branch_not_applied")
            if symbol in ("head", "heads"):
                own_heads = [h for h in g.heads() if h in g.lineage(prefix_rev)]
                if len(own_heads) == 1 and (cat == "multiple_heads" or
                                            (err is None and rrev != own_heads[0])):
                    # Alembic resolved plain "head"/"heads" instead
                    a.append("label_prefix_ignored")
        if err is None and not relative and rrev in start_applied:
            # absolute target X (or P@X): X stays; what goes is X's children
            # (those on P's line when P is given), their descendants through
            # revises, and everything that depends on what goes
            kids = g.rchildren[rrev]
            if prefix_rev is not None:
                kids = [k for k in kids if k in g.lineage(prefix_rev)]
            gone = set(kids) | g.desc(kids, True)
            expect = start_applied & (gone | g.desc(gone))
            if removed - expect:
                a.append("removed_too_much")
            if expect - removed:
                a.append("removed_too_little")
    if cmd == "upgrade" and sc["mode"] == "online" and err is None:
        if prefix_rev is not None:
            line = g.lineage(prefix_rev)
            targets = [r for r in resolved.get("revisions", []) if r in g.revs]
            if any(t not in line for t in targets):
                a.append("left_branch")
    if sc["form"] == "label_prefix" and err is None:
        hit = (resolved.get("revisions") or [resolved.get("revision")])[0]
        if hit in g.revs and not hit.startswith(target):
            # the partial-id lookup also scans branch label names
            a.append("label_name_prefix_matched")
    if sc["mode"] == "offline" and cmd == "upgrade" and ":" in target and err is None \
            and not calls:
        lower, upper = target.split(":", 1)
        lo = set(res.get("currentHeads") or [])
        up = {r for r in (resolved.get("revisions") or []) if r in g.revs}
        if up and lo and all(u in g.anc(lo) | lo for u in up) and lo != up:
            # FROM is above TO: Alembic writes an empty script, exit 0
            a.append("wrong_way_range_accepted")
    return sorted(set(a))


# --------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------

def expand(template, params):
    try:
        return template.format(**params)
    except KeyError:
        return None


def starts_for(graph, kind, command, form):
    names = list(graph["starts"])
    branchy_form = form.startswith(("LABEL", "ID@"))
    if not branchy_form:
        names = [n for n in names if n not in graph.get("labelOnlyStarts", ())]
    if kind == "label":
        kind = "rel" if graph.get("allStartsForLabelForms") else "two"
    if kind == "rel":
        return [n for n in names if n != ("heads" if command == "upgrade" else "empty")]
    if kind == "one":
        return ["empty"] if command == "upgrade" else ["heads"]
    if kind == "two":
        others = [n for n in names if n not in ("empty", "heads")]
        if command == "upgrade":
            return ["empty"] + [n for n in others if "partway" in n][:1]
        return ["heads"] + [n for n in others if "partway" not in n][:1]
    raise ValueError(kind)


def build_scenarios(graph):
    p = graph["params"]
    out, seen = [], set()
    for entry in FORMS:
        form, template, commands, kind = entry[:4]
        only = entry[4] if len(entry) > 4 else None
        if only is not None and graph["name"] not in only:
            continue
        target = expand(template, p)
        if target is None:
            continue
        for cmd in commands:
            for start in starts_for(graph, kind, cmd, form):
                key = ("online", start, cmd, target)
                if key in seen:
                    continue
                seen.add(key)
                out.append({"mode": "online", "form": form, "start": start,
                            "command": cmd, "target": target})
    for form, template, cmd in OFFLINE_FORMS:
        target = expand(template, p)
        if target is None:
            continue
        key = ("offline", None, cmd, target)
        if key in seen:
            continue
        seen.add(key)
        out.append({"mode": "offline", "form": form, "start": "offline",
                    "command": cmd, "target": target})
    return out


SQL_EVENT_RULES = [
    (re.compile(r"^-- (up|down) (\S+?);?$"), lambda m: [m.group(1), m.group(2)]),
    (re.compile(r"^CREATE TABLE alembic_version"), lambda m: ["create_version_table"]),
    (re.compile(r"^DROP TABLE alembic_version"), lambda m: ["drop_version_table"]),
    (re.compile(r"^INSERT INTO alembic_version \(version_num\) VALUES \('([^']+)'\)"),
     lambda m: ["version_insert", m.group(1)]),
    (re.compile(r"^UPDATE alembic_version SET version_num='([^']+)' "
                r"WHERE alembic_version.version_num = '([^']+)'"),
     lambda m: ["version_update", m.group(2), m.group(1)]),
    (re.compile(r"^DELETE FROM alembic_version WHERE alembic_version.version_num = '([^']+)'"),
     lambda m: ["version_delete", m.group(1)]),
]


def parse_sql(text):
    events = []
    for line in text.splitlines():
        line = line.strip()
        for rx, fn in SQL_EVENT_RULES:
            m = rx.match(line)
            if m:
                events.append(fn(m))
                break
    return events


class Recorder:
    def __init__(self, tmp, jobs):
        self.tmp = tmp
        self.jobs = jobs

    def scrub(self, text):
        return text.replace(self.tmp, "<tmp>") if isinstance(text, str) else text

    def run_graph(self, spec):
        t0 = time.time()
        g = Graph(spec)
        gdir = os.path.join(self.tmp, spec["name"])
        script_dir = os.path.join(gdir, "script")
        write_script_dir(spec, script_dir)
        info = self.graph_info(spec, script_dir)

        # start states
        starts = {}
        for name, setup in spec["starts"].items():
            db = os.path.join(gdir, "start-%s.db" % name)
            new_database(db)
            for cmd, target in setup:
                [res] = run_children([{"scriptDir": script_dir, "db": db, "command": cmd,
                                       "target": target, "sql": False}], 1)
                if res["error"]:
                    raise SystemExit("start state %s/%s failed: %r" % (spec["name"], name, res["error"]))
            log, rows = read_database(db)
            starts[name] = {"db": db, "setup": setup, "versionTable": sorted(rows),
                            "applied": sorted(net_applied(log)), "logLength": len(log)}

        scenarios = build_scenarios(spec)

        child_specs = []
        for i, sc in enumerate(scenarios, 1):
            db = os.path.join(gdir, "s%d.db" % i)
            if sc["mode"] == "online":
                shutil.copyfile(starts[sc["start"]]["db"], db)
            child_specs.append({"scriptDir": script_dir, "db": db, "command": sc["command"],
                                "target": sc["target"], "sql": sc["mode"] == "offline"})
        results = run_children(child_specs, self.jobs)
        records = [self.record(g, spec, starts, i, sc, cs["db"], res)
                   for (i, sc), cs, res in zip(enumerate(scenarios, 1), child_specs, results)]

        anomalies = sorted({x for r in records for x in r["anomalies"]})
        doc = {
            "schemaVersion": SCHEMA_VERSION,
            "alembicVersion": info.pop("alembicVersion"),
            "sqlalchemyVersion": info.pop("sqlalchemyVersion"),
            "seed": None,
            "name": spec["name"],
            "shape": spec["shape"],
            "description": spec["description"],
            "revisions": spec["revisions"],
        }
        doc.update(info)
        doc["params"] = spec["params"]
        doc["startStates"] = {n: {"setup": s["setup"], "versionTable": s["versionTable"],
                                  "applied": s["applied"]} for n, s in starts.items()}
        doc["anomalies"] = anomalies
        doc["scenarios"] = records
        doc["elapsedSeconds"] = round(time.time() - t0, 1)
        return doc

    def graph_info(self, spec, script_dir):
        code = r'''
import json, sys, warnings
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as w:
    import alembic, sqlalchemy
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    cfg = Config(); cfg.set_main_option("script_location", sys.argv[1])
    s = ScriptDirectory.from_config(cfg)
    m = s.revision_map
    labels = {r.revision: sorted(r.branch_labels) for r in s.walk_revisions()}
    out = {"alembicVersion": alembic.__version__, "sqlalchemyVersion": sqlalchemy.__version__,
           "heads": sorted(m.heads), "bases": sorted(m.bases),
           "realHeads": sorted(m._real_heads), "realBases": sorted(m._real_bases),
           "alembicBranchLabels": dict(sorted(labels.items())),
           "warnings": sorted({str(x.message) for x in w})}
print(json.dumps(out))
'''
        env = dict(os.environ, PYTHONHASHSEED="0")
        p = subprocess.run([sys.executable, "-c", code, script_dir], capture_output=True,
                           text=True, timeout=TIMEOUT_SECONDS, env=env, check=True)
        return json.loads(p.stdout)

    def record(self, g, spec, starts, index, sc, db, res):
        rec = {"id": "s%d" % index, "form": sc["form"], "mode": sc["mode"]}
        if sc["mode"] == "online":
            st = starts[sc["start"]]
            log, rows = read_database(db)
            os.remove(db)
            calls = log[st["logLength"]:]
            rec.update({
                "start": sc["start"],
                "startVersionTable": st["versionTable"],
                "startApplied": st["applied"],
                "command": sc["command"], "target": sc["target"],
                "calls": calls,
                "versionTable": sorted(rows),
                "applied": sorted(net_applied(log)),
            })
            if sc["form"] == "-N" and len(st["versionTable"]) > 1:
                rec["form"] = "-N_several_rows"
        else:
            events = parse_sql(res.get("sql") or "")
            assumed = res.get("currentHeads") or []
            table = set(assumed)
            applied = g.closure(assumed)
            calls = []
            for ev in events:
                if ev[0] in ("up", "down"):
                    calls.append(ev)
                    (applied.add if ev[0] == "up" else applied.discard)(ev[1])
                elif ev[0] == "version_insert":
                    table.add(ev[1])
                elif ev[0] == "version_update":
                    table.discard(ev[1])
                    table.add(ev[2])
                elif ev[0] == "version_delete":
                    table.discard(ev[1])
            rec.update({
                "start": "offline",
                "startVersionTable": sorted(assumed),
                "startApplied": sorted(g.closure(assumed)),
                "command": sc["command"], "target": sc["target"], "sql": True,
                "calls": calls,
                "versionTable": sorted(table),
                "applied": sorted(applied),
                "sqlEvents": [e for e in events if e[0] not in ("up", "down")],
            })
        err = res["error"]
        if err is not None:
            err = {k: self.scrub(v) for k, v in err.items()}
            err["category"] = categorize(err, res.get("cause"), sc["target"])
            if res.get("cause"):
                err["cause"] = {k: self.scrub(v) for k, v in res["cause"].items()
                                if k in ("type", "qualifiedType", "message")}
        if res.get("elapsed", 0) > 2:
            print("  slow: %s/%s %s %s %.1f s" % (spec["name"], rec["id"], sc["command"],
                                                 sc["target"], res["elapsed"]), file=sys.stderr)
        rec["error"] = err
        rec["resolved"] = res.get("resolved")
        rec["minimalVersionTable"] = g.minimal(rec["applied"])
        rec["anomalies"] = find_anomalies(g, rec, res)
        if res.get("warnings"):
            rec["warnings"] = [self.scrub(w) for w in res["warnings"]]
        return rec


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def dump_graph(doc):
    """One scenario per line keeps the files small and diffable."""
    head = {k: v for k, v in doc.items() if k != "scenarios"}
    text = json.dumps(head, indent=1)
    assert text.endswith("}")
    lines = [text[:-1].rstrip() + ',\n "scenarios": [']
    sc = doc["scenarios"]
    for i, s in enumerate(sc):
        lines.append("  " + json.dumps(s, separators=(",", ":")) + ("," if i < len(sc) - 1 else ""))
    lines.append(" ]\n}\n")
    return "\n".join(lines)


def summarize(docs):
    forms = {}
    per_graph = []
    defects = {}
    for d in docs:
        counts = {"scenarios": len(d["scenarios"]), "errors": 0, "anomalous": 0}
        for s in d["scenarios"]:
            cat = s["error"]["category"] if s["error"] else "ok"
            key = s["form"] + (" (offline)" if s["mode"] == "offline" else "")
            forms.setdefault(key, {}).setdefault(s["command"], {}).setdefault(cat, 0)
            forms[key][s["command"]][cat] += 1
            if s["error"]:
                counts["errors"] += 1
            if s["anomalies"]:
                counts["anomalous"] += 1
                for an in s["anomalies"]:
                    defects.setdefault(an, []).append("%s/%s" % (d["name"], s["id"]))
        per_graph.append(dict(name=d["name"], shape=d["shape"],
                              revisions=len(d["revisions"]), **counts,
                              anomalies=d["anomalies"]))
    return {
        "schemaVersion": SCHEMA_VERSION,
        "alembicVersion": docs[0]["alembicVersion"],
        "sqlalchemyVersion": docs[0]["sqlalchemyVersion"],
        "graphs": per_graph,
        "scenarios": sum(g["scenarios"] for g in per_graph),
        "formsByOutcome": {k: forms[k] for k in sorted(forms)},
        "anomalies": {k: {"count": len(v), "scenarios": v} for k, v in sorted(defects.items())},
    }


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "testkit", "src", "main", "resources", "dev", "retort", "testkit", "conformance", "alembic-targets"))
    ap.add_argument("--only", action="append", help="record only this graph (repeatable)")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    args = ap.parse_args()
    import alembic
    import alembic.command  # noqa: F401 - imported once, before the forks
    import alembic.config  # noqa: F401
    import sqlalchemy
    import sqlalchemy.dialects.sqlite  # noqa: F401
    if alembic.__version__ != "1.8.1":
        print("warning: alembic %s, the data is for 1.8.1" % alembic.__version__, file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="alembic-targets-")
    try:
        rec = Recorder(tmp, args.jobs)
        docs = []
        for spec in GRAPHS:
            if args.only and spec["name"] not in args.only:
                continue
            doc = rec.run_graph(spec)
            docs.append(doc)
            with open(os.path.join(args.out, spec["name"] + ".json"), "w") as f:
                f.write(dump_graph(doc))
            print("%-18s %4d scenarios  %5.1f s  anomalies: %s" % (
                spec["name"], len(doc["scenarios"]), doc["elapsedSeconds"],
                ", ".join(doc["anomalies"]) or "-"))
        if not args.only:
            with open(os.path.join(args.out, "summary.json"), "w") as f:
                json.dump(summarize(docs), f, indent=1)
                f.write("\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
