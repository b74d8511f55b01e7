/** Plain {@code java -jar certaudit.jar} starts the audit once more in a JVM tuned as the launchers tune it. */
package io.certaudit.agent.relaunch;
