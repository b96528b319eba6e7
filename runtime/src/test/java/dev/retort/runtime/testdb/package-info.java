/**
 * The runtime tests' migrations, compiled by the real annotation processor into {@code
 * TestMigrations}. Each creates a table {@code t_<id>} and drops it on downgrade:
 *
 * <pre>
 * a1 (app) - b2 -+- c3 -+- e5 - i9 (not transactional)
 *                +- d4 -+
 * f6 (audit) - g7 (also depends on a1) - h8 (irreversible)
 * </pre>
 */
package dev.retort.runtime.testdb;
