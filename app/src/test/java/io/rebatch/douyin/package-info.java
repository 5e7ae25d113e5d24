/**
 * A fourth platform that exists only in tests: a minimal "Douyin" (抖音精选联盟) with its rules, its adapter (report
 * parser, API client, settings record) and nothing else. It is registered only on the class path of the child
 * JVMs of {@code FourthPlatformIT} (the services files in {@code src/test/fourth-platform}), so the other tests
 * still see the three shipped platforms. It proves that adding a platform is a package plus registration: no
 * file of rebatch's core changes.
 */
package io.rebatch.douyin;
