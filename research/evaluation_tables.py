#!/usr/bin/env python3
"""Markdown tables for docs/evaluation.md from the JSON of `vera generalization`.

Usage: evaluation_tables.py GENERALIZATION.json

Prints the leave-one-corpus-out table (Vera beside the peer it was given with --peer), the
applicability risk-coverage means, the source evidence, and the in-domain table. Only reads the
JSON: every figure in it was computed by Vera.
"""
import json
import sys


def f(x, d=3):
    return "–" if x is None else f"{x:.{d}f}"


def ci(pair):
    return "–" if not pair else f"{pair[0]:.3f}–{pair[1]:.3f}"


def main(path):
    g = json.load(open(path))
    print(f"Recipe: {g['recipe']}\n")
    print("### Held out (trained on the other corpora)\n")
    print("| held out | n | fake share | ROC-AUC (95% CI) | peer ROC-AUC | macro-F1 at training rate"
          " | macro-F1 at true rate (oracle) | ECE | ECE at true rate | applicability AUROC |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for h in g["holdout"]:
        peer = (h.get("peer") or {}).get("roc_auc")
        print(f"| {h['corpus']} | {h['n']} | {f(h['fake_share'])} | {f(h['roc_auc'])} ({ci(h.get('roc_auc_ci'))})"
              f" | {f(peer)} | {f(h['macro_f1'])} | {f(h['macro_f1_at_true_rate'])} | {f(h['ece'])}"
              f" | {f(h['ece_at_true_rate'])} | {f(h['applicability']['auroc'])} |")
    m = g["holdout_mean"]
    print(f"| **mean** | | | **{f(m['roc_auc'])}** | {f(m.get('peer_roc_auc'))} | | | | |"
          f" **{f(m['applicability_auroc'])}** |\n")

    print("### Risk–coverage (mean over held-out corpora)\n")
    print("Mixed stream: the held-out corpus's articles with the training corpora's test articles;"
          " gain = macro-F1 of unflagged verdicts minus macro-F1 of all.\n")
    cis = {round(r["flag_below"], 4): r.get("mixed_gain_ci") for r in m.get("risk_coverage", [])}
    print("| flag level | in-domain flagged | held-out flagged | mixed macro-F1 all | unflagged | gain (95% CI) |")
    print("|---|---|---|---|---|---|")
    levels = [r["flag_below"] for r in g["holdout"][0]["applicability"]["risk_coverage"]]
    for i, lvl in enumerate(levels):
        rows = [h["applicability"]["risk_coverage"][i] for h in g["holdout"]]
        mean = lambda k: sum(r[k] for r in rows) / len(rows)
        print(f"| {lvl:.2f} | {f(mean('in_domain_flagged'))} | {f(mean('held_out_flagged'))}"
              f" | {f(mean('mixed_macro_f1_all'))} | {f(mean('mixed_macro_f1_unflagged'))}"
              f" | {mean('mixed_macro_f1_unflagged') - mean('mixed_macro_f1_all'):+.3f}"
              f" ({ci(cis.get(round(lvl, 4)))}) |")
    print()

    print("### Source evidence, held out (never part of the text score)\n")
    print("| held out | coverage | ROC-AUC where rated | ROC-AUC, unrated at the prior |")
    print("|---|---|---|---|")
    for h in g["holdout"]:
        s = h.get("source") or {}
        print(f"| {h['corpus']} | {f(s.get('coverage'))} | {f(s.get('roc_auc'))} | {f(s.get('roc_auc_all'))} |")
    print()

    print(f"### In domain: one model on every corpus's train part ({g['in_domain_model_id']})\n")
    print("| corpus | test n | macro-F1 | ROC-AUC (95% CI) | alone | difference | peer (all corpora)"
          " | ECE at corpus rate (95% CI) | ECE if calibrated | ECE at training rate |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in g["in_domain"]:
        alone = r.get("alone_roc_auc")
        diff = None if alone is None else r["roc_auc"] - alone
        print(f"| {r['corpus']} | {r['n']} | {f(r['macro_f1'])} | {f(r['roc_auc'])} ({ci(r.get('roc_auc_ci'))})"
              f" | {f(alone)} | {'–' if diff is None else f'{diff:+.3f}'} | {f(r.get('peer_roc_auc'))}"
              f" | {f(r['ece'])} ({ci(r.get('ece_ci'))}) | {ci(r.get('ece_if_calibrated'))}"
              f" | {f(r['ece_at_training_rate'])} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
