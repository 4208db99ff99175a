/**
 * What every scenario of issue 6 shares: the {@link org.alcove.bench.scenario.Scenario} contract,
 * the {@link org.alcove.bench.scenario.Run} (options, launcher, report, the long-lived Alcove and
 * echo servers) and the {@link org.alcove.bench.scenario.Practice} those servers are set up as.
 * The scenarios themselves live in their own packages ({@code relay}, {@code join},
 * {@code capacity}, {@code browser}, {@code coldstart}) and depend on this one; this package
 * depends on none of them. The list of scenarios, the one place that names them all, is
 * {@code org.alcove.bench.Scenarios}, beside the command line that selects them.
 */
package org.alcove.bench.scenario;
