print("plan-bench: not written yet")
