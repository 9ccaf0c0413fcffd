#!/usr/bin/env python3
"""Builds Parley's built-in sticker packs from two npm packages, with ImageMagick's `convert`.

Usage (in this folder):
    npm pack @lobehub/fluent-emoji-3d@1.1.0 openmoji@17.0.0
    mkdir fluent openmoji && tar xzf lobehub-fluent-emoji-3d-1.1.0.tgz -C fluent \
        && tar xzf openmoji-17.0.0.tgz -C openmoji
    python3 make-packs.py fluent/package openmoji/package

Each pack gets a folder with 256 x 256 PNGs (transparent, 8-bit) and a manifest.json. Names and keywords come
from the emoji set Parley already ships (../emoji/emoji.json), so search finds a sticker by the same words as
its emoji. The unpacked packages and the archives are not kept in the repository.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (sticker id, emoji code points): the picker shows them in this order.
MOODS = [
    ("joy", "1F602"), ("rofl", "1F923"), ("heart-eyes", "1F60D"), ("star-struck", "1F929"),
    ("cool", "1F60E"), ("party", "1F973"), ("thinking", "1F914"), ("smirk", "1F60F"),
    ("eye-roll", "1F644"), ("sob", "1F62D"), ("pleading", "1F97A"), ("scream", "1F631"),
    ("mind-blown", "1F92F"), ("angry", "1F621"), ("sleeping", "1F634"), ("hug", "1F917"),
    ("shush", "1F92B"), ("kiss", "1F618"), ("sweat-smile", "1F605"), ("thumbs-up", "1F44D"),
    ("clap", "1F44F"), ("wave", "1F44B"), ("fire", "1F525"), ("hundred", "1F4AF"),
]
CRITTERS = [
    ("cat", "1F431"), ("dog", "1F436"), ("fox", "1F98A"), ("panda", "1F43C"), ("frog", "1F438"),
    ("lion", "1F981"), ("unicorn", "1F984"), ("penguin", "1F427"), ("owl", "1F989"), ("octopus", "1F419"),
    ("turtle", "1F422"), ("butterfly", "1F98B"), ("bee", "1F41D"), ("snail", "1F40C"), ("t-rex", "1F996"),
    ("bear", "1F43B"), ("rabbit", "1F430"), ("koala", "1F428"), ("hedgehog", "1F994"), ("raccoon", "1F99D"),
]


def emoji_index():
    with open(os.path.join(HERE, "..", "emoji", "emoji.json"), encoding="utf-8") as f:
        return {e["unified"]: e for e in json.load(f)}


def chars(unified):
    return "".join(chr(int(part, 16)) for part in unified.split("-"))


def keywords(entry):
    words = [w for w in entry["name"].lower().replace("-", " ").split() if w not in ("face", "with", "and", "of")]
    for short in entry["short_names"]:
        words += short.replace("_", " ").replace("-", " ").split()
    return sorted(set(words))


def convert(source, target, svg):
    args = ["convert", "-background", "none"]
    if svg:
        # OpenMoji draws on a 72-unit square with a margin: render large, trim it, then fit 240 px in 256.
        args += ["-density", "600", source, "-trim", "+repage"]
    else:
        args += [source]
    args += ["-resize", "240x240", "-gravity", "center", "-extent", "256x256", "-depth", "8",
             "-define", "png:compression-level=9", "-strip", target]
    subprocess.run(args, check=True)


def build(pack, title, author, licence, source, stickers, file_of, svg, index):
    folder = os.path.join(HERE, pack)
    os.makedirs(folder, exist_ok=True)
    entries = []
    for sticker_id, unified in stickers:
        entry = index[unified]
        convert(file_of(unified), os.path.join(folder, sticker_id + ".png"), svg)
        entries.append({"id": sticker_id, "file": sticker_id + ".png", "emoji": chars(unified),
                        "keywords": keywords(entry)})
    manifest = {"id": pack, "title": title, "author": author, "licence": licence, "source": source,
                "stickers": entries}
    with open(os.path.join(folder, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    fluent, openmoji = sys.argv[1], sys.argv[2]
    index = emoji_index()
    build("moods", "Moods", "Microsoft (Fluent Emoji 3D)", "MIT",
          "npm @lobehub/fluent-emoji-3d 1.1.0", MOODS,
          lambda u: os.path.join(fluent, "assets", u.lower() + ".webp"), False, index)
    build("critters", "Critters", "OpenMoji", "CC BY-SA 4.0",
          "npm openmoji 17.0.0", CRITTERS,
          lambda u: os.path.join(openmoji, "color", "svg", u + ".svg"), True, index)
    with open(os.path.join(HERE, "packs.json"), "w", encoding="utf-8") as f:
        f.write('["moods", "critters"]\n')


if __name__ == "__main__":
    main()
