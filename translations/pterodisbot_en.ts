<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccessPolicy</name>
    <message numerus="yes">
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one controls servers. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <extracomment>%n how many roles (at least 2), %1 the Discord server, %2 their name.</extracomment>
        <translation>
            <numerusform>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one controls servers. Ask the bot&apos;s administrator to configure the role id instead.</numerusform>
            <numerusform>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one controls servers. Ask the bot&apos;s administrator to configure the role id instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one may post server status. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <translation>
            <numerusform>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one may post server status. Ask the bot&apos;s administrator to configure the role id instead.</numerusform>
            <numerusform>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one may post server status. Ask the bot&apos;s administrator to configure the role id instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BotHealth</name>
    <message numerus="yes">
        <source>%n embed(s) tracked</source>
        <translation>
            <numerusform>%n embed tracked</numerusform>
            <numerusform>%n embeds tracked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandHandlers</name>
    <message numerus="yes">
        <source>Refreshing %n status embeds…</source>
        <translation>
            <numerusform>Refreshing %n status embed…</numerusform>
            <numerusform>Refreshing %n status embeds…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %1 of %n status embeds.</source>
        <extracomment>%1 how many were refreshed, %n how many are tracked.</extracomment>
        <translation>
            <numerusform>Refreshed %1 of %n status embed.</numerusform>
            <numerusform>Refreshed %1 of %n status embeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had been deleted and are no longer tracked.</source>
        <translation>
            <numerusform>%n had been deleted and is no longer tracked.</numerusform>
            <numerusform>%n had been deleted and are no longer tracked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be edited (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n could not be edited (see the bot&apos;s log).</numerusform>
            <numerusform>%n could not be edited (see the bot&apos;s log).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n status embeds…</source>
        <translation>
            <numerusform>Deleting %n status embed…</numerusform>
            <numerusform>Deleting %n status embeds…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n status embeds.</source>
        <translation>
            <numerusform>Deleted %n status embed.</numerusform>
            <numerusform>Deleted %n status embeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already gone.</source>
        <translation>
            <numerusform>%n was already gone.</numerusform>
            <numerusform>%n were already gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be deleted and are still tracked (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n could not be deleted and is still tracked (see the bot&apos;s log).</numerusform>
            <numerusform>%n could not be deleted and are still tracked (see the bot&apos;s log).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PowerCooldown</name>
    <message numerus="yes">
        <source>A power action was just sent to %1. Please wait %n s before sending another.</source>
        <extracomment>%1 the server&apos;s name (or &quot;this server&quot;), %n the seconds left.</extracomment>
        <translation>
            <numerusform>A power action was just sent to %1. Please wait %n s before sending another.</numerusform>
            <numerusform>A power action was just sent to %1. Please wait %n s before sending another.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::BehaviourSetupPage</name>
    <message numerus="yes">
        <source>How often the bot reads the panel. 10 s is the default: graphs of the recent samples, and an embed is edited only when something changed (now: every %n s).</source>
        <translation>
            <numerusform>How often the bot reads the panel. 10 s is the default: graphs of the recent samples, and an embed is edited only when something changed (now: every %n s).</numerusform>
            <numerusform>How often the bot reads the panel. 10 s is the default: graphs of the recent samples, and an embed is edited only when something changed (now: every %n s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::EmbedPreview</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LogView</name>
    <message numerus="yes">
        <source>%1 of %n line(s)</source>
        <translation>
            <numerusform>%1 of %n line</numerusform>
            <numerusform>%1 of %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::MainWindow</name>
    <message numerus="yes">
        <source>Panel: reachable · %n request(s) left this minute</source>
        <translation>
            <numerusform>Panel: reachable · %n request left this minute</numerusform>
            <numerusform>Panel: reachable · %n requests left this minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next update in %n s</source>
        <translation>
            <numerusform>Next update in %n s</numerusform>
            <numerusform>Next update in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerStatusMenu</name>
    <message numerus="yes">
        <source>**%n** servers · %1 **%2** running · %3 **%4** offline · %5 **%6** unreachable</source>
        <extracomment>%n servers in all; %1, %3, %5 are emojis, %2 running, %4 offline, %6 unreachable.</extracomment>
        <translation>
            <numerusform>**%n** server · %1 **%2** running · %3 **%4** offline · %5 **%6** unreachable</numerusform>
            <numerusform>**%n** servers · %1 **%2** running · %3 **%4** offline · %5 **%6** unreachable</numerusform>
        </translation>
    </message>
</context>
</TS>
