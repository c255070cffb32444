/// The rules and what each reads: ordered before evaluation, with cycles reported whole.
public struct DependencyGraph: Sendable {
  /// For each node, the nodes it depends on.
  public let dependencies: [[Int]]

  public init(dependencies: [[Int]]) { self.dependencies = dependencies }

  /// A cycle, as the nodes in it in order (the first depends on the second, … the last on the first).
  public struct Cycle: Sendable, Hashable {
    public var nodes: [Int]
  }

  /// The nodes ordered so that each comes after everything it depends on, or the cycles
  /// found (each reported once, starting from its smallest node).
  public func topologicalOrder() -> Result<[Int], CycleList> {
    let n = dependencies.count
    var state = Array(repeating: 0, count: n)  // 0 new, 1 on stack, 2 done
    var order: [Int] = []
    var cycles: [Cycle] = []
    var seen = Set<[Int]>()
    // Iterative depth-first search, to keep deep rule chains off the call stack.
    for root in 0..<n where state[root] == 0 {
      var stack: [(node: Int, next: Int)] = [(root, 0)]
      var path: [Int] = [root]
      state[root] = 1
      while let top = stack.last {
        let deps = dependencies[top.node]
        if top.next < deps.count {
          stack[stack.count - 1].next += 1
          let d = deps[top.next]
          if state[d] == 0 {
            state[d] = 1
            stack.append((d, 0))
            path.append(d)
          } else if state[d] == 1, let start = path.firstIndex(of: d) {
            var cycle = Array(path[start...])
            let m = cycle.indices.min { cycle[$0] < cycle[$1] }!
            cycle = Array(cycle[m...] + cycle[..<m])
            if seen.insert(cycle).inserted { cycles.append(Cycle(nodes: cycle)) }
          }
        } else {
          state[top.node] = 2
          order.append(top.node)
          stack.removeLast()
          path.removeLast()
        }
      }
    }
    return cycles.isEmpty ? .success(order) : .failure(CycleList(cycles: cycles))
  }

  public struct CycleList: Error, Sendable {
    public var cycles: [Cycle]
  }
}
