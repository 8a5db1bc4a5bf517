#!/usr/bin/env python3
"""Finds import circles between the crate's modules: no module may use another that uses it
back, directly or through others (issue 15).

Every `.rs` file under src/ is a module (src/lib.rs is `crate`, src/a.rs and src/a/mod.rs are
`crate::a`, src/a/b.rs is `crate::a::b`); src/main.rs is the binary crate and is left out.
An edge is a `use` tree (nested braces expanded) or a path in the code that starts with
`crate::`, `super::`, `self::` or a child module's name; it names the deepest module file
that exists for its prefix (`crate::formats::import::Plan` -> crate::formats::import). A
parent's `mod child;` line is not an edge, but its `use child::X` or `child::f()` is. Paths
in comments and string or char literals do not count; inside an inline `mod tests { ... }`,
`super::` is the file's own module, and an edge to the file's own module is ignored.

    python3 tools/modcycles.py                  check src/, exit 1 on any circle
    python3 tools/modcycles.py --only crate::web   only circles among modules under a prefix
    python3 tools/modcycles.py --self-test      check the parser on small examples

Python 3 standard library only.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")


def module_of(rel):
    """The module path of a file, relative to src/ with '/' separators; None for binaries."""
    if rel == "main.rs" or rel.startswith("bin/"):
        return None
    parts = rel[: -len(".rs")].split("/")
    if parts == ["lib"]:
        return ("crate",)
    if parts[-1] == "mod":
        parts = parts[:-1]
    return ("crate",) + tuple(parts)


RAW_STRING = re.compile(r'(?:b|c)?r(#*)"')


def strip(src):
    """The source with comments and string and char literals blanked (newlines kept, so that
    offsets and line numbers stay as they were)."""
    out = []
    i, n = 0, len(src)

    def blank(text):
        out.append("".join(c if c == "\n" else " " for c in text))

    while i < n:
        c = src[i]
        prev = src[i - 1] if i else " "
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            blank(src[i:j])
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(src[i:j])
            i = j
        elif c in "bcr" and not (prev.isalnum() or prev == "_") and RAW_STRING.match(src, i):
            m = RAW_STRING.match(src, i)
            close = '"' + m.group(1)
            j = src.find(close, m.end())
            j = n if j < 0 else j + len(close)
            blank(src[i:j])
            i = j
        elif c == '"' or (c in "bc" and src.startswith('"', i + 1) and not (prev.isalnum() or prev == "_")):
            j = src.index('"', i) + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            blank(src[i:j])
            i = j
        elif c == "'":
            # A char literal ('a', '\n', '\u{2068}', '"'); otherwise a lifetime or a label.
            m = re.compile(r"'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'").match(src, i)
            if m:
                blank(m.group(0))
                i = m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


TOKEN = re.compile(r"\s*(::|[{},;*]|(?:r#)?[A-Za-z_][A-Za-z0-9_]*)")


def use_paths(tree):
    """Every full path of a use tree: `a::{b, c::{d, e as f}, self}` gives a::b, a::c::d,
    a::c::e and a."""
    tokens = [t.replace("r#", "") for t in TOKEN.findall(tree)]
    paths = []

    def parse(i, prefix):
        path = list(prefix)
        if i < len(tokens) and tokens[i] == "::":
            i += 1
        while i < len(tokens):
            t = tokens[i]
            if t == "{":
                i += 1
                while i < len(tokens) and tokens[i] != "}":
                    i = parse(i, path)
                    if i < len(tokens) and tokens[i] == ",":
                        i += 1
                return i + 1
            if t == "*":
                paths.append(path)
                return i + 1
            if t in ("}", ",", ";"):
                paths.append(path)
                return i
            # `self` inside a group is the group's prefix; at the start it is this module.
            if not (t == "self" and path):
                path.append(t)
            i += 1
            if i < len(tokens) and tokens[i] == "::":
                i += 1
                continue
            if i < len(tokens) and tokens[i] == "as":
                i += 2
            paths.append(path)
            return i
        if path:
            paths.append(path)
        return i

    parse(0, [])
    return [p for p in paths if p]


USE = re.compile(r"(?<![\w$])use\s+")
VISIBILITY_IN = re.compile(r"\bpub\s*\(\s*in\s+[^)]*\)")
INLINE_MOD = re.compile(r"(?<![\w$])mod\s+(?:r#)?(\w+)\s*\{")
PATH = re.compile(r"(?<![\w$:.#])((?:r#)?[A-Za-z_]\w*(?:\s*::\s*(?:r#)?[A-Za-z_]\w*)+)")


def matching_brace(code, i):
    """The index just past the brace that closes the one at `i`."""
    depth = 0
    for j in range(i, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(code)


def references(code):
    """(offset, path segments) of every use path and every inline path with `::` in
    stripped code, and the inline modules as (start, end, name)."""
    code = VISIBILITY_IN.sub(lambda m: " " * len(m.group(0)), code)
    found = []
    blanked = list(code)
    for m in USE.finditer(code):
        depth, j = 0, m.end()
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
            elif code[j] == ";" and depth == 0:
                break
            j += 1
        for p in use_paths(code[m.end() : j]):
            found.append((m.start(), p))
        for k in range(m.start(), j):
            if blanked[k] != "\n":
                blanked[k] = " "
    rest = "".join(blanked)
    for m in PATH.finditer(rest):
        segs = [s.strip().replace("r#", "") for s in m.group(1).split("::")]
        found.append((m.start(), segs))
    mods = []
    for m in INLINE_MOD.finditer(code):
        brace = code.index("{", m.end() - 1)
        mods.append((m.start(), matching_brace(code, brace), m.group(1)))
    return sorted(found, key=lambda f: f[0]), mods


def resolve(segs, here, modules):
    """The module file a path names, seen from module `here` (a tuple that may end in inline
    module names); None for paths outside the crate (std, other crates, local items)."""
    head = segs[0]
    if head == "crate":
        full = ["crate"] + segs[1:]
    elif head == "super":
        base = list(here)
        i = 0
        while i < len(segs) and segs[i] == "super":
            base = base[:-1]
            i += 1
        full = base + segs[i:]
    elif head == "self":
        full = list(here) + segs[1:]
    elif tuple(here) + (head,) in modules:
        full = list(here) + segs
    else:
        return None
    for k in range(len(full), 0, -1):
        if tuple(full[:k]) in modules:
            return tuple(full[:k])
    return None


def analyse(sources):
    """sources: {path relative to src/: text}. Returns (modules, edges) where edges maps
    (from, to) to the (file, line) of its first occurrence."""
    files = {}
    for rel, text in sources.items():
        mod = module_of(rel)
        if mod is not None:
            files[mod] = (rel, text)
    modules = set(files)
    edges = {}
    for mod, (rel, text) in sorted(files.items()):
        code = strip(text)
        refs, inline = references(code)
        for offset, segs in refs:
            here = list(mod) + [name for (s, e, name) in inline if s < offset < e]
            target = resolve(segs, tuple(here), modules)
            if target is None or target == mod:
                continue
            line = code.count("\n", 0, offset) + 1
            edges.setdefault((mod, target), ("src/" + rel, line))
    return modules, edges


def circles(nodes, edges):
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    graph = {n: sorted(t for (f, t) in edges if f == n and t in nodes) for n in nodes}
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        # Iterative, so deep graphs cannot overflow Python's stack.
        work = [(v, iter(graph[v]))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(graph[w])))
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == node:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(out), graph


def cycle_through(start, comp, graph):
    """A shortest circle from `start` back to it inside one component (breadth first)."""
    inside = set(comp)
    parent = {start: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in graph[v]:
            if w not in inside:
                continue
            if w == start:
                path = [v]
                while parent[path[-1]] is not None:
                    path.append(parent[path[-1]])
                return list(reversed(path)) + [start]
            if w not in parent:
                parent[w] = v
                queue.append(w)
    return [start]


def name(mod):
    return "::".join(mod)


def report(modules, edges, only=None):
    """Prints the circles (or the all-clear line); returns the exit status."""
    nodes = {m for m in modules if only is None or name(m) == only or name(m).startswith(only + "::")}
    inner = {e: loc for e, loc in edges.items() if e[0] in nodes and e[1] in nodes}
    comps, graph = circles(nodes, inner)
    scope = f" under {only}" if only else ""
    if not comps:
        print(f"modcycles: {len(nodes)} modules{scope}, {len(inner)} edges, no circles")
        return 0
    shown = 0
    for comp in comps:
        covered = set()
        for start in comp:
            if start in covered:
                continue
            cyc = cycle_through(start, comp, graph)
            covered.update(cyc)
            shown += 1
            print("circle: " + " -> ".join(name(m) for m in cyc))
            for a, b in zip(cyc, cyc[1:]):
                file, line = inner[(a, b)]
                print(f"  {name(a)} -> {name(b)}  ({file}:{line})")
    print(
        f"modcycles: {len(nodes)} modules{scope}, {len(inner)} edges, "
        f"{shown} circle(s) in {len(comps)} group(s) of modules that import each other"
    )
    return 1


def read_tree(src):
    sources = {}
    for root, _, names in os.walk(src):
        for f in names:
            if f.endswith(".rs"):
                path = os.path.join(root, f)
                rel = os.path.relpath(path, src).replace(os.sep, "/")
                with open(path, encoding="utf-8") as fh:
                    sources[rel] = fh.read()
    return sources


def self_test():
    """The parser on small examples; returns the number of failures."""
    failures = []

    def expect(label, sources, wanted):
        _, edges = analyse(sources)
        got = sorted((name(a), name(b)) for (a, b) in edges)
        want = sorted(wanted)
        if got != want:
            failures.append(f"{label}: expected {want}, got {got}")

    expect(
        "grouped use with nested braces, self and renames",
        {
            "lib.rs": "pub mod web;",
            "web.rs": "pub mod components; pub mod store;",
            "web/components.rs": "pub mod a; pub mod b;",
            "web/components/a.rs": "",
            "web/components/b.rs": "",
            "web/store.rs": "use crate::web::components::{a::X, b::{Y, Z as W}};\n"
            "use crate::web::{self as w};",
        },
        [
            ("crate::web::store", "crate::web"),
            ("crate::web::store", "crate::web::components::a"),
            ("crate::web::store", "crate::web::components::b"),
        ],
    )
    expect(
        "super inside an inline test module is the file's own module",
        {
            "lib.rs": "pub mod formats;",
            "formats.rs": "pub mod w3c;\npub struct Format;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use super::w3c::parse;\n}\n",
            "formats/w3c.rs": "use super::Format;\nfn f() {}\nmod tests { use super::f; use super::super::Format; }\n",
        },
        [("crate::formats", "crate::formats::w3c"), ("crate::formats::w3c", "crate::formats")],
    )
    expect(
        "inline paths in expressions, a child's path in its parent, std paths ignored",
        {
            "lib.rs": "pub mod formats; pub mod state;",
            "formats.rs": "pub mod csv;\npub fn f() { let x = csv::defuse(1); std::mem::take(&mut y); }",
            "formats/csv.rs": "pub fn defuse() {}",
            "state.rs": "fn g() -> u8 { crate::formats::csv::defuse(\n  crate :: formats :: f()) }",
        },
        [
            ("crate::formats", "crate::formats::csv"),
            ("crate::state", "crate::formats::csv"),
            ("crate::state", "crate::formats"),
        ],
    )
    expect(
        "comments, strings, raw strings and chars are not code; lifetimes are",
        {
            "lib.rs": "pub mod a; pub mod b;",
            "a.rs": "// use crate::b;\n/* crate::b::x /* nested */ crate::b */\n"
            "/// [`crate::b::X`]\nconst S: &str = \"use crate::b;\";\n"
            "const R: &str = r#\"crate::b::y \"quoted\" \"#;\nconst C: char = '\"';\n"
            "fn f<'a>(x: &'a str) -> &'a str { x }\nconst Q: char = '\\'';",
            "b.rs": "fn g() -> char { '{' }\npub fn h() { let _ = b\"crate::a\"; }",
        },
        [],
    )
    expect(
        "a parent's re-export from a child that uses super is a circle",
        {
            "lib.rs": "pub mod formats;",
            "formats.rs": "mod project;\npub use project::VERSION;\npub struct Format;",
            "formats/project.rs": "use super::Format;\npub const VERSION: u8 = 1;",
        },
        [("crate::formats", "crate::formats::project"), ("crate::formats::project", "crate::formats")],
    )
    expect(
        "mod.rs files and pub(in path) visibility",
        {
            "lib.rs": "mod a;",
            "a/mod.rs": "mod b;\npub(in crate::a) fn f() {}",
            "a/b.rs": "use crate::a::f;",
            "main.rs": "use gcm::a;",
        },
        [("crate::a::b", "crate::a")],
    )
    # A circle is reported, with every edge's place; --only keeps it out of other prefixes.
    modules, edges = analyse(
        {
            "lib.rs": "pub mod web; pub mod state;",
            "state.rs": "use crate::web::x;",
            "web.rs": "pub mod a; pub mod b;\nuse crate::state::S;",
            "web/a.rs": "use super::b::B;",
            "web/b.rs": "\nuse crate::web::a::A;",
        }
    )
    comps, _ = circles(modules, edges)
    got = [[name(m) for m in c] for c in comps]
    want = [["crate::state", "crate::web"], ["crate::web::a", "crate::web::b"]]
    if got != want:
        failures.append(f"circles: expected {want}, got {got}")
    if edges.get((("crate", "web", "b"), ("crate", "web", "a"))) != ("src/web/b.rs", 2):
        failures.append(f"edge place: got {edges.get((('crate', 'web', 'b'), ('crate', 'web', 'a'))) }")
    only = [m for m in modules if name(m).startswith("crate::web::")]
    comps, _ = circles(set(only), edges)
    if [[name(m) for m in c] for c in comps] != [["crate::web::a", "crate::web::b"]]:
        failures.append("--only: the crate::web::a <-> b circle should remain alone")

    for f in failures:
        print("modcycles self-test: FAIL " + f, file=sys.stderr)
    if not failures:
        print("modcycles self-test: 7 checks passed")
    return len(failures)


def main(argv):
    args = argv[1:]
    if args == ["--self-test"]:
        return 1 if self_test() else 0
    only = None
    if len(args) == 2 and args[0] == "--only":
        only = args[1]
    elif args:
        print(__doc__, file=sys.stderr)
        return 2
    modules, edges = analyse(read_tree(SRC))
    return report(modules, edges, only)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
