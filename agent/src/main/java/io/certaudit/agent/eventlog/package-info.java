/** One event per audit in the Windows Application log, and the event source that names it. */
package io.certaudit.agent.eventlog;
