#!/usr/bin/env python3
"""networkx (and igraph) reference timings on a blast-radius JSON manifest, beside our own.

Usage: /usr/bin/python3 bench/networkx_bench.py MANIFEST.json
Prints one JSON object of timings (seconds) and counts on standard output. Exits 3 when
networkx cannot be imported (Debian: apt-get install python3-networkx, then use /usr/bin/python3).
Where python-igraph can be imported too (Debian: python3-igraph), the same three questions are
timed on igraph's own graphs of the same edges, with its counts beside networkx's.

Graphs, as in SPEC section 3:
- undirected hard-dependency graph: every dependency that is not soft, group alternatives
  included -> nx.articulation_points, nx.bridges;
- directed graph dependent -> dependency over the same hard edges, plus a virtual root pointing
  to every entry point (entrypoint: true; if none, every service nothing points to)
  -> nx.immediate_dominators from the root.
"""

import json
import resource
import sys
import time


def requirement_edges(requirement):
    """(alternatives, soft) of one depends_on entry."""
    if isinstance(requirement, str):
        return [requirement], False
    soft = bool(requirement.get("soft", False))
    if "service" in requirement:
        return [requirement["service"]], soft
    if "any_of" in requirement:
        return list(requirement["any_of"]), soft
    return list(requirement["of"]), soft


def igraph_numbers(igraph, ids, hard, entries):
    """The same graphs in igraph: vertices numbered in id order, the root last."""
    result = {"igraph": igraph.__version__}
    t0 = time.perf_counter()
    index = {sid: i for i, sid in enumerate(ids)}
    pairs = [(index[a], index[b]) for a, b in hard]
    undirected = igraph.Graph(n=len(ids), edges=pairs, directed=False)
    # networkx's Graph keeps one edge per pair: a doubled edge must not hide a bridge.
    undirected.simplify(multiple=True, loops=True)
    root = len(ids)
    directed = igraph.Graph(
        n=len(ids) + 1, edges=pairs + [(root, index[e]) for e in entries], directed=True
    )
    result["igraph_build_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    articulation = undirected.articulation_points()
    result["igraph_articulation_points_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    bridges = undirected.bridges()
    result["igraph_bridges_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    dominators = directed.dominator(root, mode="out")
    result["igraph_dominators_s"] = time.perf_counter() - t0

    result["igraph_articulation_points"] = len(articulation)
    result["igraph_bridges"] = len(bridges)
    result["igraph_dominated_by_root_only"] = sum(
        1 for v, d in enumerate(dominators) if d == root and v != root
    )
    return result


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import networkx as nx
    except ImportError:
        print("networkx not installed", file=sys.stderr)
        return 3

    result = {"networkx": nx.__version__, "python": sys.version.split()[0]}
    t0 = time.perf_counter()
    with open(argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    services = manifest["services"]
    result["load_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    hard = []
    targeted = set()
    for sid, service in services.items():
        for requirement in service.get("depends_on", []) or []:
            alternatives, soft = requirement_edges(requirement)
            targeted.update(alternatives)
            if not soft:
                hard.extend((sid, dep) for dep in alternatives)
    entries = [sid for sid, s in services.items() if s.get("entrypoint") is True]
    if not entries:
        entries = [sid for sid in services if sid not in targeted]
    result["edges_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    undirected = nx.Graph()
    undirected.add_nodes_from(services)
    undirected.add_edges_from(hard)
    result["build_undirected_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    articulation = list(nx.articulation_points(undirected))
    result["articulation_points_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    bridges = list(nx.bridges(undirected))
    result["bridges_s"] = time.perf_counter() - t0

    root = ("virtual root",)  # a tuple can never equal a string id
    t0 = time.perf_counter()
    directed = nx.DiGraph()
    directed.add_nodes_from(services)
    directed.add_edges_from(hard)
    directed.add_edges_from((root, e) for e in entries)
    result["build_directed_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    idom = nx.immediate_dominators(directed, root)
    result["immediate_dominators_s"] = time.perf_counter() - t0

    try:
        import igraph
    except ImportError:
        igraph = None
    if igraph is not None:
        result.update(igraph_numbers(igraph, list(services), hard, entries))

    result.update(
        {
            "nodes": undirected.number_of_nodes(),
            "undirected_edges": undirected.number_of_edges(),
            "directed_edges": directed.number_of_edges(),
            "entrypoints": len(entries),
            "articulation_points": len(articulation),
            "bridges": len(bridges),
            "reachable_from_root": sum(1 for n in idom if n != root),
            "dominated_by_root_only": sum(1 for n, d in idom.items() if d == root and n != root),
            "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
