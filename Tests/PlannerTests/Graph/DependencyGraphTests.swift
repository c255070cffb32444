import Testing

@testable import Planner

@Suite struct DependencyGraphTests {
  @Test func ordersDependenciesFirst() throws {
    // 0 reads 1 and 2; 1 reads 2.
    let order = try DependencyGraph(dependencies: [[1, 2], [2], []]).topologicalOrder().get()
    #expect(order == [2, 1, 0])
  }

  @Test func findsEveryRuleOfACycle() {
    guard case .failure(let list) = DependencyGraph(dependencies: [[1], [2], [0], []]).topologicalOrder() else {
      Issue.record("expected a cycle")
      return
    }
    #expect(list.cycles == [.init(nodes: [0, 1, 2])])
  }

  @Test func selfReference() {
    guard case .failure(let list) = DependencyGraph(dependencies: [[], [1]]).topologicalOrder() else {
      Issue.record("expected a cycle")
      return
    }
    #expect(list.cycles == [.init(nodes: [1])])
  }

  @Test func deepChainsDoNotOverflowTheStack() throws {
    let n = 100_000
    let deps = (0..<n).map { $0 + 1 < n ? [$0 + 1] : [] }
    let order = try DependencyGraph(dependencies: deps).topologicalOrder().get()
    #expect(order.first == n - 1)
    #expect(order.count == n)
  }
}
