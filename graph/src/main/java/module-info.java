/**
 * The revision graph: every rule about revisions and their edges, in plain Java with no JDBC, no
 * compiler types and no logging. The annotation processor and the runtime both ask it; nothing
 * else walks the graph.
 */
module dev.retort.graph {
  exports dev.retort.graph;
}
