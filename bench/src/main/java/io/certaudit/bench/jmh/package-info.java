/** JMH microbenchmarks of the hot paths: parsing, chain building, rule evaluation, the JSON report. */
package io.certaudit.bench.jmh;
