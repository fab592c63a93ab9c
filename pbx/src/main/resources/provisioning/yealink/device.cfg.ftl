#!version:1.0.0.1
## Switchboard: Yealink ${device.model} ${device.macColon}, extension ${account.extension}
## Rendered from yealink/device.cfg.ftl; put a file of that name in the override directory to change it.
<#assign transport = {"udp": "0", "tcp": "1", "tls": "2"}>
<#assign yealinkCodecs = ["pcmu", "pcma", "g722", "g729", "opus"]>

account.1.enable = 1
account.1.label = ${account.extension}
account.1.display_name = ${account.displayName}
account.1.user_name = ${account.extension}
account.1.auth_name = ${account.authUser}
account.1.password = ${account.password}
account.1.sip_server.1.address = ${site.sipServer}
account.1.sip_server.1.port = ${site.sipPort}
account.1.sip_server.1.transport_type = ${transport[site.transport]}
account.1.subscribe_mwi = 1
account.1.subscribe_mwi_to_vm = 1
voice_mail.number.1 = ${site.voicemailNumber}

## Codecs in order of preference; the ones not listed are switched off.
<#list yealinkCodecs as c>
<#assign rank = site.codecs?seq_index_of(c)>
account.1.codec.${c}.enable = <#if rank gte 0>1<#else>0</#if>
account.1.codec.${c}.priority = <#if rank gte 0>${rank + 1}<#else>0</#if>
</#list>

<#if provisioning.url?has_content>
## The company phone book (docs/phone-book.md), from the folder this file came from.
remote_phonebook.data.1.url = ${provisioning.url}directory-yealink.xml
remote_phonebook.data.1.name = Company
</#if>

local_time.ntp_server1 = ${site.ntpServer}
local_time.time_zone = ${site.timeZone.hours}
## summer_time 2 = automatic (the phone's own rules for the zone), 0 = off
local_time.summer_time = <#if site.timeZone.observesDst>2<#else>0</#if>

<#list keys as k>
<#if k.type == "line">
linekey.${k.position}.type = 15
linekey.${k.position}.line = 1
linekey.${k.position}.label = ${k.label}
<#else>
linekey.${k.position}.type = 16
linekey.${k.position}.line = 1
linekey.${k.position}.value = ${k.target}
linekey.${k.position}.label = ${k.label}
</#if>
</#list>
