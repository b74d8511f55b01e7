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

lib/ also holds the native signature engine, conscrypt_openjdk_jni-windows-x86_64.dll and
libconscrypt_openjdk_jni-linux-x86_64.so, taken from Conscrypt's jar above: Conscrypt (Apache-2.0) statically
linked with BoringSSL, whose code is under the OpenSSL and SSLeay licences and the ISC licence
(https://boringssl.googlesource.com/boringssl/+/HEAD/LICENSE).
