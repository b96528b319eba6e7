package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tarjan's strongly connected components, iterative so that long chains cannot overflow. */
final class StronglyConnected {

  private StronglyConnected() {}

  /** The components of the graph given as adjacency arrays. */
  static List<int[]> components(int[][] edges) {
    int n = edges.length;
    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callVertex = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    List<int[]> result = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) continue;
      int depth = 0;
      callVertex[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = counter++;
      stack[stackSize++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callVertex[depth];
        if (callEdge[depth] < edges[v].length) {
          int w = edges[v][callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[stackSize++] = w;
            onStack[w] = true;
            depth++;
            callVertex[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int start = stackSize;
          do {
            start--;
            onStack[stack[start]] = false;
          } while (stack[start] != v);
          result.add(Arrays.copyOfRange(stack, start, stackSize));
          stackSize = start;
        }
        depth--;
        if (depth >= 0) {
          int parent = callVertex[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return result;
  }
}
