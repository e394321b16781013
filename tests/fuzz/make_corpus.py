#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/.

Seeds come from the test fixtures (tests/data) and from payloads written here in the shapes
of shared/reference (discord.md, pterodactyl.md). Files named seed-* are rewritten; anything
else in a corpus folder (an input that once found a bug) is left alone.

    tests/fuzz/make_corpus.py
"""
import json
import pathlib
import shutil
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def frames(items):
    """Length-prefixed frames as FuzzSupport.h splitFrames() reads them: (flag, bytes)."""
    out = b""
    for flag, payload in items:
        assert len(payload) < 0x8000
        out += struct.pack(">H", len(payload) | (0x8000 if flag else 0)) + payload
    return out


def dumps(value):
    return json.dumps(value, separators=(",", ":")).encode()


INTERACTION_BASE = {
    "id": "1300000000000000001",
    "application_id": "1100000000000000001",
    "token": "aW50ZXJhY3Rpb24tdG9rZW4",
    "version": 1,
    "guild_id": "1200000000000000001",
    "channel_id": "1210000000000000001",
    "locale": "de",
    "guild_locale": "en-US",
    "app_permissions": "117760",
    "member": {
        "user": {"id": "1500000000000000001", "username": "admin", "global_name": "Admin"},
        "roles": ["1400000000000000001"],
        "permissions": "2147483647",
    },
}


def interaction(**fields):
    value = dict(INTERACTION_BASE)
    value.update(fields)
    return value


INTERACTIONS = {
    "command": interaction(type=2, data={"id": "1600000000000000001", "name": "server_status",
                                         "type": 1}),
    "command-option": interaction(type=2, data={
        "id": "1600000000000000002", "name": "server_status", "type": 1,
        "options": [{"name": "server", "type": 3, "value": "1a7ce997"}]}),
    "button": interaction(type=3, message={"id": "1700000000000000001"},
                          data={"custom_id": "pdb:v1:power:start:1a7ce997", "component_type": 2}),
    "select": interaction(type=3, message={"id": "1700000000000000002"},
                          data={"custom_id": "pdb:v1:select:0", "component_type": 3,
                                "values": ["1a7ce997", "5b2e4c1d"]}),
    "autocomplete": interaction(type=4, data={
        "id": "1600000000000000001", "name": "server_status", "type": 1,
        "options": [{"name": "server", "type": 3, "value": "Surv", "focused": True}]}),
    "ping": {"id": "1300000000000000002", "application_id": "1100000000000000001", "type": 1,
             "token": "dG9rZW4", "version": 1},
}

CUSTOM_IDS = [
    "pdb:v1:power:start:1a7ce997", "pdb:v1:power:stop:1a7ce997",
    "pdb:v1:power:restart:1a7ce997-259b-452e-8b4e-cecc464142ca", "pdb:v1:addr:5b2e4c1d",
    "pdb:v1:select:0", "pdb:v1:page:12", "pdb:v1:power:kill:1a7ce997", "pdb:v2:page:1",
]


def gateway_seeds():
    hello = dumps({"op": 10, "d": {"heartbeat_interval": 41250}})
    ready = dumps({"op": 0, "s": 1, "t": "READY", "d": {
        "v": 10, "session_id": "d1c2b3a4", "resume_gateway_url": "wss://127.0.0.1:1",
        "user": {"id": "1100000000000000001", "username": "bot"},
        "application": {"id": "1100000000000000001"}, "guilds": []}})
    guild = dumps({"op": 0, "s": 2, "t": "GUILD_CREATE", "d": {
        "id": "1200000000000000001", "name": "Guild", "preferred_locale": "fr",
        "roles": [{"id": "1400000000000000001", "name": "Server Admin", "permissions": "8"}]}})
    press = dumps({"op": 0, "s": 3, "t": "INTERACTION_CREATE", "d": INTERACTIONS["button"]})
    others = [dumps({"op": 11}), dumps({"op": 1, "d": 3}), dumps({"op": 7, "d": None}),
              dumps({"op": 9, "d": True}), dumps({"op": 9, "d": False}),
              dumps({"op": 0, "s": 4, "t": "RESUMED", "d": {}})]
    plain = [hello, ready, guild, press] + others
    yield "text", frames([(False, b"")] + [(False, p) for p in plain])
    yield "binary-json", frames([(False, b"")] + [(True, p) for p in plain])
    compressor = zlib.compressobj()
    compressed = [compressor.compress(p) + compressor.flush(zlib.Z_SYNC_FLUSH) for p in plain]
    yield "zlib-stream", frames([(True, b"")] + [(True, c) for c in compressed])
    # A message split over two frames, then a corrupt stream.
    first = compressed[0]
    yield "zlib-split", frames([(True, b""), (True, first[:5]), (True, first[5:]),
                                (True, b"\x00\x00\xff\xff")])


def wings_seeds():
    stats = (DATA / "panel" / "wings_stats_event.json").read_bytes().strip()
    events = [dumps({"event": "auth success"}), stats,
              dumps({"event": "status", "args": ["starting"]}),
              dumps({"event": "token expiring"}), dumps({"event": "token expired"}),
              dumps({"event": "jwt error", "args": ["signature invalid"]}),
              dumps({"event": "daemon error", "args": ["node down"]}),
              dumps({"event": "throttled", "args": ["global"]}),
              dumps({"event": "console output", "args": ["[12:00] ready"]})]
    yield "events", frames([(False, e) for e in events])
    yield "stats-payload", json.loads(stats)["args"][0].encode()


REST = {
    "429-bucket": "429\nX-RateLimit-Limit: 5\nX-RateLimit-Remaining: 0\n"
                  "X-RateLimit-Reset-After: 1.5\nX-RateLimit-Bucket: abcd1234\n"
                  "X-RateLimit-Scope: user\nRetry-After: 2\n\n"
                  '{"message":"You are being rate limited.","retry_after":1.5,"global":false}',
    "429-global": "429\nX-RateLimit-Global: true\nX-RateLimit-Scope: global\nRetry-After: 1\n\n"
                  '{"message":"You are being rate limited.","retry_after":0.7,"global":true}',
    "429-shared": "429\nX-RateLimit-Scope: shared\nRetry-After: 3\n\n"
                  '{"message":"Too many edits","retry_after":3.2,"global":false,"code":30046}',
    "200-headers": "200\nX-RateLimit-Limit: 5\nX-RateLimit-Remaining: 4\n"
                   "X-RateLimit-Reset: 1700000001.250\nX-RateLimit-Reset-After: 1.000\n"
                   "X-RateLimit-Bucket: abcd1234\n\n{}",
    "400-fields": "400\n\n" + json.dumps({"code": 50035, "message": "Invalid Form Body",
        "errors": {"embeds": {"0": {"fields": {"1": {"value": {"_errors": [
            {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 1024 or fewer in length."}]}}}}}}}),
    "403-permissions": '403\n\n{"message":"Missing Permissions","code":50013}',
    "404-message": '404\n\n{"message":"Unknown Message","code":10008}',
    "401": '401\n\n{"message":"401: Unauthorized","code":0}',
    "502-html": "502\nContent-Type: text/html\n\n<html><body>Bad Gateway</body></html>",
    "path": "500\nX-Path: /webhooks/1100000000000000001/aW50ZXJhY3Rpb24/messages/@original\n\n",
}


# Server names as a hostile owner writes them; the first byte picks the length limit.
MARKDOWN = {
    "hostile": b"\x05[Click](http://evil.example) **@everyone** <@&123> `x` ||s|| # h\n> q\n-# small",
    "controls": "\x00Survival \U0001f3ae \u202e reversed \u200b zero width".encode(),
    "cut": "\x02\U0001f3ae\U0001f3ae\\\\**".encode(),
}


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    for folder in CORPUS.glob("*"):
        for seed in folder.glob("seed-*"):
            seed.unlink()
    for path in sorted((DATA / "panel").glob("*.json")):
        write("panel", path.stem, path.read_bytes())
    for name, value in INTERACTIONS.items():
        write("interaction", name, dumps(value))
    for number, value in enumerate(CUSTOM_IDS):
        write("customid", str(number), value)
    for name, data in gateway_seeds():
        write("gateway", name, data)
    for name, data in wings_seeds():
        write("wings", name, data)
    for name, data in REST.items():
        write("discord_rest", name, data)
    for path in sorted((DATA / "config").glob("*.ini")):
        write("config", path.stem, path.read_bytes())
    write("config", "example", (ROOT / "resources" / "config.ini.example").read_bytes())
    for name, data in MARKDOWN.items():
        write("markdown", name, data)
    for path in sorted((DATA / "bot").glob("*.json")):
        write("embedstore", path.stem, path.read_bytes())


if __name__ == "__main__":
    main()
