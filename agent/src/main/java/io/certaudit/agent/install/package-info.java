/** The scheduled task that runs the audit: its Task Scheduler XML, its command line, and schtasks. */
package io.certaudit.agent.install;
