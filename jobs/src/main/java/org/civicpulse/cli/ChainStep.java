package org.civicpulse.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.civicpulse.lake.SideTask;

/**
 * One step of a chain: commands joined by '//' run at the same time, the first on the caller's thread, each other
 * on a driver thread of its own with a Spark session of its own (RunContext), all holding one shared lake lock
 * (CommandRunner). The step ends when all have ended; its code is the first non-zero one in command order.
 */
final class ChainStep {
  /** What the command on this thread is: alone in its step, first of several, or beside the first. */
  enum Role { ALONE, FIRST, BESIDE }

  private static final ThreadLocal<Role> ROLE = ThreadLocal.withInitial(() -> Role.ALONE);

  private ChainStep() {}

  static Role role() {
    return ROLE.get();
  }

  static int run(List<String[]> commands, ToIntFunction<String[]> one) {
    if (commands.size() == 1) {
      return one.applyAsInt(commands.get(0));
    }
    int[] codes = new int[commands.size()];
    // A beside command that dies of an Error never sets its code: the step has failed, not succeeded.
    Arrays.fill(codes, ExitCodes.FAILED);
    List<SideTask> beside = new ArrayList<>();
    try {
      for (int i = 1; i < commands.size(); i++) {
        int at = i;
        beside.add(SideTask.start("beside-" + i, () -> {
          ROLE.set(Role.BESIDE);
          try {
            codes[at] = one.applyAsInt(commands.get(at));
          } catch (Error e) {
            System.err.println("civicpulse " + commands.get(at)[0] + ": error: " + e);
            throw e;
          }
        }));
      }
      ROLE.set(Role.FIRST);
      codes[0] = one.applyAsInt(commands.get(0));
    } finally {
      ROLE.remove();
      beside.forEach(SideTask::close);
    }
    for (int c : codes) {
      if (c != ExitCodes.OK) {
        return c;
      }
    }
    return ExitCodes.OK;
  }
}
