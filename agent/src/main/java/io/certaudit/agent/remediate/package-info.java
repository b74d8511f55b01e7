/** certreq.exe request files (INF) for the certificate that would fix what the audit found; advice, never run. */
package io.certaudit.agent.remediate;
