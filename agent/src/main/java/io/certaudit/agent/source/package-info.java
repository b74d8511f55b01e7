/** Sources: each reads one kind of host copy (folder, Windows stores, exports) into a HostSnapshot. */
package io.certaudit.agent.source;
