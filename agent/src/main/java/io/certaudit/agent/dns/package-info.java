/** Resolving the configured names with the system resolver, within a time limit, when the user asks for it. */
package io.certaudit.agent.dns;
