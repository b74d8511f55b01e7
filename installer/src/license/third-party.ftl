<#-- THIRD-PARTY.txt of the distribution: the libraries inside lib/certaudit.jar and their licences. -->
certaudit is licensed under the Apache License, Version 2.0 (see LICENSE).

lib/certaudit.jar also holds these libraries, each under the licence named (read at build time from the
library's own pom; "A or B" means the library may be used under either, and certaudit uses it under Apache-2.0):

<#list dependencyMap as e>
<#assign project = e.getKey()/>
<#if project.groupId != "io.certaudit">
  ${project.name} (${project.groupId}:${project.artifactId}:${project.version})
      Licence: <#list e.getValue() as licence>${licence}<#if licence_has_next> or </#if></#list><#if project.url??>; ${project.url}</#if>
</#if>
</#list>
