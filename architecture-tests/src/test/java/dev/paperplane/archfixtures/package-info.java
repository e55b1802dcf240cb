/**
 * Planted violations, one per guarantee, laid out like the production packages under
 * {@code dev.paperplane.archfixtures}. {@code RulesCanFailTest} evaluates every rule against them to prove the
 * rule can fail. Never used at run time.
 */
package dev.paperplane.archfixtures;
