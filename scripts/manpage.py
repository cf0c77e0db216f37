#!/usr/bin/env python3
"""Writes digest(1) in roff from the command tree the program itself describes
(`digest --experimental-dump-help`), so the man page never drifts from the options.

Usage: scripts/manpage.py DIGEST_BINARY > digest.1
"""
import json
import subprocess
import sys

EXIT = [("0", "ok"), ("1", "bad input (a file, feed or setting; the message names it)"), ("2", "usage"),
        ("3", "fetch or I/O failure; for run: every source failed, nothing published; a damaged or missing store"),
        ("4", "run found nothing to publish for the week"),
        ("5", "another digest is using the output folder (--wait waits for it)")]


def esc(s):
    s = (s or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l) if l.startswith((".", "'")) else l for l in s.split("\n"))


def flag(a):
    names = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in a.get("names", []))
    if a["kind"] == "positional":
        return "<" + a["valueName"] + ">" + ("..." if a.get("isRepeating") else "")
    if a["kind"] == "option":
        return names + " <" + a["valueName"] + ">"
    return names


def command(c, path, out):
    name = " ".join(path)
    if len(path) > 1:
        out.append(".SS " + esc(name))
    if c.get("abstract") and len(path) > 1:
        out.append(esc(c["abstract"]))
    if c.get("discussion"):
        out.append(".PP\n" + esc(c["discussion"]))
    for a in c.get("arguments", []):
        names = {n["name"] for n in a.get("names", [])}
        if not a.get("shouldDisplay", True) or names & {"help", "version"}:
            continue
        out.append(".TP\n\\fB" + esc(flag(a)) + "\\fR")
        text = a.get("abstract", "")
        if a.get("defaultValue") not in (None, "", "false"):
            text += " (default: " + a["defaultValue"] + ")"
        out.append(esc(text))
    for s in c.get("subcommands", []):
        if s["commandName"] != "help" and s.get("shouldDisplay", True):
            command(s, path + [s["commandName"]], out)


def main():
    binary = sys.argv[1]
    tree = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, check=True).stdout)["command"]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    out = [f'.TH DIGEST 1 "" "digest {version}" "User Commands"', ".SH NAME", "digest \\- " + esc(tree["abstract"]),
           ".SH SYNOPSIS", "\\fBdigest\\fR \\fIcommand\\fR [\\fIoptions\\fR]", ".SH DESCRIPTION",
           esc("Fetches the sources of feeds.yaml, keeps what belongs to the AI token market, and publishes a weekly "
               "recap, cards, a static site and an email. Start with 'digest init', then 'digest run --config feeds.yaml'."),
           ".SH COMMANDS"]
    command(tree, ["digest"], out)
    out.append(".SH EXIT STATUS")
    for code, text in EXIT:
        out.append(".TP\n\\fB" + code + "\\fR\n" + esc(text))
    out += [".SH FILES", ".TP\n\\fBfeeds.yaml\\fR\n" + esc("sources and settings (digest init writes one)"),
            ".TP\n\\fBoutput/\\fR\n" + esc("digest.sqlite (the history), cards/, recap/, site/, email/")]
    print("\n".join(out))


main()
