package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A valid revision graph and the questions asked of it: heads, bases, a topological order, ancestry
 * through {@code revises} and {@code dependsOn}, and the minimal set of heads that describes an
 * applied state. Every query runs in time linear in revisions plus edges.
 *
 * <p>Internally each revision is an index into the topological order, so "sort by order" is "sort
 * by index".
 */
public final class RevisionGraph {

  private final List<GraphNode> nodes;
  private final Map<String, Integer> indexById;
  private final int[][] parents;
  private final int[][] children;
  private final int[][] revisesChildren;

  // Primitive arrays and no per-revision collections: an application start builds this graph in a
  // cold JVM, where every object per revision costs.
  private RevisionGraph(List<GraphNode> ordered) {
    int n = ordered.size();
    this.nodes = List.copyOf(ordered);
    this.indexById = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      indexById.put(ordered.get(i).id(), i);
    }
    this.parents = new int[n][];
    int[] childCount = new int[n];
    int[] revisesChildCount = new int[n];
    for (int i = 0; i < n; i++) {
      GraphNode node = ordered.get(i);
      parents[i] = distinctIndexes(node.revises(), node.dependsOn());
      for (int p : parents[i]) childCount[p]++;
      for (String p : node.revises()) revisesChildCount[indexById.get(p)]++;
    }
    this.children = new int[n][];
    this.revisesChildren = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = new int[childCount[i]];
      revisesChildren[i] = new int[revisesChildCount[i]];
    }
    int[] filled = new int[n];
    int[] revisesFilled = new int[n];
    for (int i = 0; i < n; i++) {
      for (int p : parents[i]) children[p][filled[p]++] = i;
      for (String id : ordered.get(i).revises()) {
        int p = indexById.get(id);
        revisesChildren[p][revisesFilled[p]++] = i;
      }
    }
  }

  /** The indexes of {@code revises} then {@code dependsOn}, each once. */
  private int[] distinctIndexes(List<String> revises, List<String> dependsOn) {
    int[] indexes = new int[revises.size() + dependsOn.size()];
    int count = 0;
    for (List<String> ids : List.of(revises, dependsOn)) {
      for (String id : ids) {
        int index = indexById.get(id);
        boolean seen = false;
        for (int k = 0; k < count && !seen; k++) seen = indexes[k] == index;
        if (!seen) indexes[count++] = index;
      }
    }
    return count == indexes.length ? indexes : Arrays.copyOf(indexes, count);
  }

  /**
   * The graph of {@code nodes}.
   *
   * @throws InvalidGraphException when {@link GraphCheck} finds any problem
   */
  public static RevisionGraph of(Collection<GraphNode> nodes) {
    List<GraphNode> list = List.copyOf(nodes);
    List<GraphProblem> problems = GraphCheck.problems(list);
    if (!problems.isEmpty()) {
      throw new InvalidGraphException(problems);
    }
    return new RevisionGraph(topologicalOrder(list));
  }

  /**
   * The graph of revisions listed as a generated registry lists them: checked by the processor and
   * in this graph's topological order, so an application start does not pay for either again. A
   * list that is not so (an id twice, a reference to a revision not listed before it, a label
   * twice) gets the full check of {@link #of}.
   *
   * @throws InvalidGraphException when {@link GraphCheck} finds any problem
   */
  public static RevisionGraph ofOrdered(List<GraphNode> ordered) {
    return isOrdered(ordered) ? new RevisionGraph(ordered) : of(ordered);
  }

  private static boolean isOrdered(List<GraphNode> nodes) {
    Set<String> seen = new HashSet<>(nodes.size() * 2);
    Set<String> labels = new HashSet<>();
    for (GraphNode node : nodes) {
      if (!seen.containsAll(node.revises()) || !seen.containsAll(node.dependsOn())) return false;
      if (!seen.add(node.id())) return false;
      for (String label : node.branchLabels()) {
        if (!labels.add(label)) return false;
      }
    }
    return true;
  }

  /** Kahn's algorithm; among revisions ready at the same time the least id goes first. */
  private static List<GraphNode> topologicalOrder(List<GraphNode> list) {
    Map<String, GraphNode> byId = new HashMap<>(list.size() * 2);
    Map<String, List<String>> dependents = new HashMap<>(list.size() * 2);
    Map<String, Integer> waiting = new HashMap<>(list.size() * 2);
    for (GraphNode node : list) {
      byId.put(node.id(), node);
      Set<String> distinct = new LinkedHashSet<>(node.revises());
      distinct.addAll(node.dependsOn());
      waiting.put(node.id(), distinct.size());
      for (String p : distinct) {
        dependents.computeIfAbsent(p, k -> new ArrayList<>(1)).add(node.id());
      }
    }
    PriorityQueue<String> ready = new PriorityQueue<>();
    waiting.forEach(
        (id, count) -> {
          if (count == 0) ready.add(id);
        });
    List<GraphNode> ordered = new ArrayList<>(list.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      ordered.add(byId.get(id));
      for (String child : dependents.getOrDefault(id, List.of())) {
        if (waiting.merge(child, -1, Integer::sum) == 0) ready.add(child);
      }
    }
    return ordered;
  }

  /** Every revision, in topological order. */
  public List<GraphNode> nodes() {
    return nodes;
  }

  /** The number of revisions. */
  public int size() {
    return nodes.size();
  }

  /** Whether a revision has this exact id. */
  public boolean contains(String id) {
    return indexById.containsKey(id);
  }

  /** The revision with this exact id. */
  public Optional<GraphNode> node(String id) {
    Integer i = indexById.get(id);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** The position of {@code id} in the topological order. */
  public int position(String id) {
    Integer i = indexById.get(id);
    if (i == null) throw new IllegalArgumentException("unknown revision: " + id);
    return i;
  }

  /** Revision ids in topological order. */
  public List<String> order() {
    return nodes.stream().map(GraphNode::id).toList();
  }

  /** Revisions no other revision revises (Alembic's heads; dependsOn is ignored), sorted. */
  public List<String> heads() {
    return sortedIds(i -> revisesChildren[i].length == 0);
  }

  /** Revisions nothing revises or depends on, sorted. */
  public List<String> realHeads() {
    return sortedIds(i -> children[i].length == 0);
  }

  /** Revisions that revise nothing (Alembic's bases), sorted. */
  public List<String> bases() {
    return sortedIds(i -> nodes.get(i).revises().isEmpty());
  }

  /** Revisions that neither revise nor depend on anything, sorted. */
  public List<String> realBases() {
    return sortedIds(i -> parents[i].length == 0);
  }

  /**
   * The heads when there are several and they are not each on a branch of their own: each head must
   * have a branch label, declared by itself or by a revision it descends from through {@code
   * revises}, that no other head has. Empty when the heads are fine.
   */
  public List<String> unlabeledHeads() {
    return headsWithoutOwnBranch().isEmpty() ? List.of() : heads();
  }

  /**
   * The heads, when there are several, that have no branch label of their own (declared by
   * themselves or by a revision they descend from through {@code revises}, and carried by no other
   * head), sorted; empty when there is at most one head.
   */
  public List<String> headsWithoutOwnBranch() {
    List<String> heads = heads();
    if (heads.size() < 2) return List.of();
    Map<String, Set<String>> labels = new HashMap<>();
    Map<String, Integer> headsPerLabel = new HashMap<>();
    for (String head : heads) {
      Set<String> own = branchLabels(head);
      labels.put(head, own);
      own.forEach(l -> headsPerLabel.merge(l, 1, Integer::sum));
    }
    return heads.stream()
        .filter(h -> labels.get(h).stream().noneMatch(l -> headsPerLabel.get(l) == 1))
        .toList();
  }

  /** The branch labels of {@code id}: its own and those of its ancestors through revises. */
  public Set<String> branchLabels(String id) {
    Set<String> labels = new TreeSet<>();
    BitSet seen = new BitSet(nodes.size());
    ArrayList<Integer> work = new ArrayList<>();
    work.add(position(id));
    while (!work.isEmpty()) {
      int v = work.remove(work.size() - 1);
      if (seen.get(v)) continue;
      seen.set(v);
      GraphNode node = nodes.get(v);
      labels.addAll(node.branchLabels());
      for (String p : node.revises()) {
        work.add(indexById.get(p));
      }
    }
    return labels;
  }

  /** Whether more than one revision revises {@code id} (dependsOn ignored): a branch point. */
  public boolean isBranchPoint(String id) {
    return revisesChildren[position(id)].length > 1;
  }

  /** Whether {@code id} revises more than one revision: a merge point. */
  public boolean isMergePoint(String id) {
    return nodes.get(position(id)).revises().size() > 1;
  }

  /** The branch points, in topological order. */
  public List<String> branchPoints() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (revisesChildren[i].length > 1) ids.add(nodes.get(i).id());
    }
    return ids;
  }

  /**
   * The version rows after a stamp of {@code stamped} onto a database at {@code current}: the rows
   * on the stamped revisions' lines (their ancestors and descendants) are replaced by them, any
   * other row is kept. Stamping nothing is stamping {@code base}, which clears every row.
   *
   * @param current the version rows before, all of them revisions of this graph
   * @param stamped the revisions stamped, as an upgrade target resolves
   * @return the minimal set of rows, sorted
   */
  public List<String> stampRows(Collection<String> current, Collection<String> stamped) {
    if (stamped.isEmpty()) return List.of();
    BitSet related = closure(indexes(stamped), parents);
    related.or(closure(indexes(stamped), children));
    List<String> rows = new ArrayList<>(stamped);
    for (String row : current) {
      if (!related.get(position(row))) rows.add(row);
    }
    return minimalHeads(rows);
  }

  /**
   * The revisions whose state a stamp states, and no others: each stamped revision with its
   * ancestors (applied after the stamp) and its descendants (not applied after it), and the
   * descendants of every revision the stamp takes from applied to not applied, such as those whose
   * rows {@code stamp --purge} clears. Stamping nothing (base) states that nothing is applied,
   * which covers every revision.
   *
   * @param before the version rows before the stamp, all of them revisions of this graph
   * @param after the version rows after it, as {@link #stampRows} gives them
   * @param stamped the revisions stamped, as an upgrade target resolves
   * @return the covered revisions, in topological order
   */
  public List<String> stampCovers(
      Collection<String> before, Collection<String> after, Collection<String> stamped) {
    if (stamped.isEmpty()) return order();
    List<Integer> stampedIndexes = indexes(stamped);
    BitSet covered = closure(stampedIndexes, parents);
    covered.or(closure(stampedIndexes, children));
    BitSet unapplied = closure(indexes(before), parents);
    unapplied.andNot(closure(indexes(after), parents));
    List<Integer> starts = new ArrayList<>();
    unapplied.stream().forEach(starts::add);
    covered.or(closure(starts, children));
    return toIds(covered);
  }

  /** The revision declaring branch label {@code label}. */
  public Optional<String> labelOwner(String label) {
    return nodes.stream()
        .filter(n -> n.branchLabels().contains(label))
        .map(GraphNode::id)
        .findFirst();
  }

  /** {@code ids} and all their ancestors through revises and dependsOn, in topological order. */
  public List<String> ancestors(Collection<String> ids) {
    return toIds(closure(indexes(ids), parents));
  }

  /** {@code ids} and all their descendants through revises and dependsOn, in topological order. */
  public List<String> descendants(Collection<String> ids) {
    return toIds(closure(indexes(ids), children));
  }

  /**
   * The members of {@code applied} that are not an ancestor of another member: the minimal set of
   * version rows that describes the state, sorted by id.
   */
  public List<String> minimalHeads(Collection<String> applied) {
    BitSet below = new BitSet(nodes.size());
    List<Integer> starts = new ArrayList<>();
    for (int i : indexes(applied)) {
      for (int p : parents[i]) starts.add(p);
    }
    below.or(closure(starts, parents));
    return applied.stream().distinct().filter(id -> !below.get(position(id))).sorted().toList();
  }

  /** The ids in topological order. */
  public List<String> inOrder(Collection<String> ids) {
    return toIds(bits(indexes(ids)));
  }

  /** What {@code id} revises or depends on, without repeats. */
  public List<String> parents(String id) {
    return idsOf(parents[position(id)]);
  }

  /** What revises or depends on {@code id}. */
  public List<String> children(String id) {
    return idsOf(children[position(id)]);
  }

  /** What revises {@code id} (dependsOn ignored), sorted. */
  public List<String> revisedBy(String id) {
    List<String> ids = idsOf(revisesChildren[position(id)]);
    ids.sort(null);
    return ids;
  }

  private List<String> idsOf(int[] indexes) {
    List<String> ids = new ArrayList<>(indexes.length);
    for (int i : indexes) ids.add(nodes.get(i).id());
    return ids;
  }

  private BitSet closure(List<Integer> starts, int[][] edges) {
    BitSet seen = new BitSet(nodes.size());
    int[] stack = new int[nodes.size()];
    int size = 0;
    for (int s : starts) {
      if (!seen.get(s)) {
        seen.set(s);
        stack[size++] = s;
      }
    }
    while (size > 0) {
      int v = stack[--size];
      for (int w : edges[v]) {
        if (!seen.get(w)) {
          seen.set(w);
          stack[size++] = w;
        }
      }
    }
    return seen;
  }

  private List<Integer> indexes(Collection<String> ids) {
    List<Integer> result = new ArrayList<>(ids.size());
    for (String id : ids) result.add(position(id));
    return result;
  }

  private BitSet bits(List<Integer> indexes) {
    BitSet set = new BitSet(nodes.size());
    indexes.forEach(set::set);
    return set;
  }

  private List<String> toIds(BitSet set) {
    List<String> ids = new ArrayList<>(set.cardinality());
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      ids.add(nodes.get(i).id());
    }
    return ids;
  }

  private List<String> sortedIds(java.util.function.IntPredicate keep) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (keep.test(i)) ids.add(nodes.get(i).id());
    }
    ids.sort(null);
    return ids;
  }

  @Override
  public String toString() {
    return nodes.stream()
        .map(GraphNode::id)
        .collect(Collectors.joining(", ", "RevisionGraph[", "]"));
  }
}
