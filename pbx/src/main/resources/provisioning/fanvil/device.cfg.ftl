<<VOIP CONFIG FILE>>Version:2.0000000000
<#assign transport = {"udp": "0", "tcp": "1", "tls": "2"}>
<#assign fanvilCodecs = {"pcmu": "G711U", "pcma": "G711A", "g722": "G722", "g729": "G729", "opus": "OPUS"}>

<GLOBAL CONFIG MODULE>
Enable SNTP        :1
SNTP Server        :${site.ntpServer}

<SIP CONFIG MODULE>
--SIP Line List--  :
SIP1 Phone Number  :${account.extension}
SIP1 Display Name  :${account.displayName}
SIP1 Sip Name      :${account.extension}
SIP1 Register Addr :${site.sipServer}
SIP1 Register Port :${site.sipPort}
SIP1 Register User :${account.authUser}
SIP1 Register Pswd :${account.password}
SIP1 Enable Reg    :1
SIP1 Transport     :${transport[site.transport]}
SIP1 MWI Num       :${site.voicemailNumber}
SIP1 Codec Order   :${site.codecs?map(c -> fanvilCodecs[c])?join(",")}

<DSS CONFIG MODULE>
<#list keys as k>
<#if k.type == "line">
Fkey${k.position} Type      :2
Fkey${k.position} Value     :SIP1
Fkey${k.position} Title     :${k.label}
<#else>
Fkey${k.position} Type      :1
Fkey${k.position} Value     :${k.target}@1/b
Fkey${k.position} Title     :${k.label}
</#if>
</#list>
<<END OF FILE>>
