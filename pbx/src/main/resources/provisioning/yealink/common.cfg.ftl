#!version:1.0.0.1
## Switchboard: settings shared by every Yealink phone of this PBX.
## Rendered from yealink/common.cfg.ftl; put a file of that name in the override directory to change it.

local_time.ntp_server1 = ${site.ntpServer}
local_time.time_zone = ${site.timeZone.hours}
local_time.summer_time = <#if site.timeZone.observesDst>2<#else>0</#if>
