/** The audit report: its JSON model (schema v1), the writers that render it, and atomic file output. */
package io.certaudit.agent.report;
