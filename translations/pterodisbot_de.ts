<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccessPolicy</name>
    <message>
        <location filename="../src/core/bot/AccessPolicy.cpp" line="+21"/>
        <source>This button</source>
        <extracomment>The subject of the refusals &quot;%1 only works in %2.&quot; and &quot;%1 does not work in direct messages.&quot;: what the member used.</extracomment>
        <translation>Diese Schaltfläche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This menu</source>
        <translation>Dieses Menü</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This command</source>
        <translation>Dieser Befehl</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the Discord server with id %1</source>
        <extracomment>Stands for the guild in refusals while its name is unknown: &quot;… only works in %1.&quot;</extracomment>
        <translation>dem Discord-Server mit der ID %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The bot has no Discord server or control role configured, so nobody can control servers. Ask the bot&apos;s administrator to set them.</source>
        <translation>Für den Bot sind kein Discord-Server und keine Steuerrolle konfiguriert, daher kann niemand Server steuern. Die Administration des Bots muss beides festlegen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The bot has not loaded the roles of %1 yet. Try again in a moment.</source>
        <translation>Der Bot hat die Rollen von %1 noch nicht geladen. Bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The control role &quot;%1&quot; does not exist in %2. Ask the bot&apos;s administrator to fix the configuration.</source>
        <extracomment>%1 the role&apos;s name as configured, %2 the Discord server.</extracomment>
        <translation>Die Steuerrolle „%1“ gibt es auf %2 nicht. Die Administration des Bots muss die Konfiguration korrigieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The status role &quot;%1&quot; does not exist in %2. Ask the bot&apos;s administrator to fix the configuration.</source>
        <translation>Die Statusrolle „%1“ gibt es auf %2 nicht. Die Administration des Bots muss die Konfiguration korrigieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one controls servers. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <extracomment>%n how many roles (at least 2), %1 the Discord server, %2 their name.</extracomment>
        <translation>
            <numerusform>Auf %1 heißt %n Rolle „%2“, daher kann der Bot nicht erkennen, welche davon Server steuert. Die Administration des Bots sollte stattdessen die ID der Rolle konfigurieren.</numerusform>
            <numerusform>Auf %1 heißen %n Rollen „%2“, daher kann der Bot nicht erkennen, welche davon Server steuert. Die Administration des Bots sollte stattdessen die ID der Rolle konfigurieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one may post server status. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <translation>
            <numerusform>Auf %1 heißt %n Rolle „%2“, daher kann der Bot nicht erkennen, welche davon den Serverstatus senden darf. Die Administration des Bots sollte stattdessen die ID der Rolle konfigurieren.</numerusform>
            <numerusform>Auf %1 heißen %n Rollen „%2“, daher kann der Bot nicht erkennen, welche davon den Serverstatus senden darf. Die Administration des Bots sollte stattdessen die ID der Rolle konfigurieren.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 does not work in direct messages.</source>
        <translation>%1 funktioniert nicht in Direktnachrichten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 only works in %2, not in direct messages.</source>
        <translation>%1 funktioniert nur auf %2, nicht in Direktnachrichten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+32"/>
        <source>%1 only works in %2.</source>
        <translation>%1 funktioniert nur auf %2.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>You need the control role (id %1) to control servers.</source>
        <translation>Zum Steuern von Servern ist die Steuerrolle (ID %1) nötig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You need the %1 role to control servers.</source>
        <translation>Zum Steuern von Servern ist die Rolle %1 nötig.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The bot has no Discord server configured. Ask the bot&apos;s administrator to set it.</source>
        <translation>Für den Bot ist kein Discord-Server konfiguriert. Die Administration des Bots muss ihn festlegen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You need the status role (id %1) to show server status.</source>
        <translation>Zum Anzeigen des Serverstatus ist die Statusrolle (ID %1) nötig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You need the %1 role to show server status.</source>
        <translation>Zum Anzeigen des Serverstatus ist die Rolle %1 nötig.</translation>
    </message>
</context>
<context>
    <name>BehaviourSetupPage</name>
    <message>
        <location filename="../ui/BehaviourSetupPage.ui" line="+5"/>
        <source>How the bot behaves</source>
        <translation>Verhalten des Bots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The defaults suit most communities; every value can be changed later in the settings.</source>
        <translation>Die Voreinstellungen passen für die meisten Communitys; jeder Wert lässt sich später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Update every:</source>
        <translation>&amp;Aktualisierung alle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alerts:</source>
        <translation>&amp;Benachrichtigungen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post a message when a server goes down and when it is back</source>
        <translation>Eine Nachricht senden, wenn ein Server ausfällt und wenn er wieder läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert c&amp;hannel:</source>
        <translation>Benachrichtigungs&amp;kanal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Statistics from:</source>
        <translation>&amp;Statistikquelle:</translation>
    </message>
</context>
<context>
    <name>BotCore</name>
    <message>
        <location filename="../src/core/bot/BotCore.cpp" line="+696"/>
        <source>This button or menu is not one of mine, or it is outdated. Run /server_status again.</source>
        <translation>Diese Schaltfläche oder dieses Menü stammt nicht von mir oder ist veraltet. Bitte /server_status erneut ausführen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This button or menu is not one of mine.</source>
        <translation>Diese Schaltfläche oder dieses Menü stammt nicht von mir.</translation>
    </message>
</context>
<context>
    <name>BotHealth</name>
    <message>
        <location filename="../src/gui/BotHealth.cpp" line="+15"/>
        <source>Stopped: needs your attention</source>
        <translation>Gestoppt: Ihr Eingreifen ist nötig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to Discord</source>
        <translation>Verbindung zu Discord wird hergestellt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reconnecting to Discord</source>
        <translation>Verbindung zu Discord wird wiederhergestellt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Panel unreachable</source>
        <translation>Panel nicht erreichbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An embed could not be updated</source>
        <translation>Ein Embed konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates paused</source>
        <translation>Aktualisierungen pausiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pterodisbot: %1</source>
        <translation>Pterodisbot: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 servers running</source>
        <translation>Server in Betrieb: %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n embed(s) tracked</source>
        <translation>
            <numerusform>%n verfolgtes Embed</numerusform>
            <numerusform>%n verfolgte Embeds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../src/charts/ChartScales.cpp" line="+137"/>
        <source>last %1 s</source>
        <extracomment>The span the graph covers, after the server&apos;s name: &quot;Survival · last 50 s&quot;.</extracomment>
        <translation>letzte %1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last %1 min</source>
        <translation>letzte %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last %1 h</source>
        <translation>letzte %1 h</translation>
    </message>
    <message>
        <location filename="../src/charts/QtChartRenderer.cpp" line="+37"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CPU  %1 (no limit)</source>
        <extracomment>The CPU panel&apos;s title: %1 the last reading (&quot;80 %&quot;). Two spaces after the name.</extracomment>
        <translation>CPU  %1 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU  %1 of %2</source>
        <extracomment>The CPU panel&apos;s title: %1 the last reading, %2 the server&apos;s limit (&quot;200 %&quot;).</extracomment>
        <translation>CPU  %1 von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory  %1 (no limit)</source>
        <extracomment>The memory panel&apos;s title: %1 the last reading (&quot;2.23 GiB&quot;).</extracomment>
        <translation>Arbeitsspeicher  %1 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory  %1 of %2</source>
        <extracomment>The memory panel&apos;s title: %1 the last reading, %2 the server&apos;s limit (&quot;4 GiB&quot;).</extracomment>
        <translation>Arbeitsspeicher  %1 von %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Waiting for data…</source>
        <translation>Warten auf Daten…</translation>
    </message>
</context>
<context>
    <name>CommandHandlers</name>
    <message>
        <location filename="../src/core/bot/CommandHandlers.cpp" line="+43"/>
        <source>State not checked yet</source>
        <translation>Status noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · CPU %2 · %3</source>
        <extracomment>A server in the menu: %1 its state, %2 its CPU use (a percentage), %3 its memory.</extracomment>
        <translation>%1 · CPU %2 · %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>I may not post in this channel (Missing Permissions): the status of **%1** needs Send Messages, Embed Links and Attach Files here.</source>
        <extracomment>Discord&apos;s names of the permissions (Send Messages, Embed Links, Attach Files) are as your language&apos;s Discord client shows them.</extracomment>
        <translation>Ich darf in diesem Kanal nicht schreiben (Missing Permissions): Für den Status von **%1** brauche ich hier „Nachrichten senden“, „Links einbetten“ und „Dateien anhängen“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I cannot see this channel (Missing Access), so the status of **%1** cannot be posted here.</source>
        <translation>Ich kann diesen Kanal nicht sehen (Missing Access), daher kann der Status von **%1** hier nicht gesendet werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The status of **%1** could not be posted: %2</source>
        <extracomment>%2 is Discord&apos;s own message, in English.</extracomment>
        <translation>Der Status von **%1** konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Show the panel&apos;s servers and post a live status embed for one</source>
        <extracomment>Description of the /server_status slash command; at most 100 characters.</extracomment>
        <translation>Server des Panels anzeigen und für einen davon ein Live-Status-Embed senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rebuild every status embed</source>
        <extracomment>Description of the /refresh_embeds slash command; at most 100 characters.</extracomment>
        <translation>Alle Status-Embeds neu aufbauen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete every status embed the bot tracks</source>
        <extracomment>Description of the /purge_embeds slash command; at most 100 characters.</extracomment>
        <translation>Alle Status-Embeds löschen, die der Bot verfolgt</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>I do not know that command.</source>
        <translation>Diesen Befehl kenne ich nicht.</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>I cannot list the servers right now. %1</source>
        <extracomment>%1 is why, a whole sentence (&quot;The panel refused the bot&apos;s API key.&quot;).</extracomment>
        <translation>Ich kann die Server gerade nicht auflisten. %1</translation>
    </message>
    <message>
        <location line="+230"/>
        <source>I do not know that server (any more). Run /server_status again for a fresh list.</source>
        <translation>Diesen Server kenne ich nicht (mehr). Für eine aktuelle Liste bitte /server_status erneut ausführen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Posted the status of **%1** here; it updates by itself.</source>
        <translation>Der Status von **%1** wurde hier gesendet; er aktualisiert sich von selbst.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There are no status embeds to refresh.</source>
        <translation>Es gibt keine Status-Embeds zum Aktualisieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refreshing %n status embeds…</source>
        <translation>
            <numerusform>%n Status-Embed wird aktualisiert…</numerusform>
            <numerusform>%n Status-Embeds werden aktualisiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Refreshed %1 of %n status embeds.</source>
        <extracomment>%1 how many were refreshed, %n how many are tracked.</extracomment>
        <translation>
            <numerusform>%1 von %n Status-Embed aktualisiert.</numerusform>
            <numerusform>%1 von %n Status-Embeds aktualisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n had been deleted and are no longer tracked.</source>
        <translation>
            <numerusform>%n war gelöscht worden und wird nicht mehr verfolgt.</numerusform>
            <numerusform>%n waren gelöscht worden und werden nicht mehr verfolgt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n could not be edited (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n konnte nicht bearbeitet werden (siehe Protokoll des Bots).</numerusform>
            <numerusform>%n konnten nicht bearbeitet werden (siehe Protokoll des Bots).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There are no status embeds to delete.</source>
        <translation>Es gibt keine Status-Embeds zum Löschen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Deleting %n status embeds…</source>
        <translation>
            <numerusform>%n Status-Embed wird gelöscht…</numerusform>
            <numerusform>%n Status-Embeds werden gelöscht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Deleted %n status embeds.</source>
        <translation>
            <numerusform>%n Status-Embed gelöscht.</numerusform>
            <numerusform>%n Status-Embeds gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n were already gone.</source>
        <translation>
            <numerusform>%n war bereits entfernt.</numerusform>
            <numerusform>%n waren bereits entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n could not be deleted and are still tracked (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n konnte nicht gelöscht werden und wird weiter verfolgt (siehe Protokoll des Bots).</numerusform>
            <numerusform>%n konnten nicht gelöscht werden und werden weiter verfolgt (siehe Protokoll des Bots).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscordSetupPage</name>
    <message>
        <location filename="../ui/DiscordSetupPage.ui" line="+5"/>
        <source>Your Discord bot</source>
        <translation>Ihr Discord-Bot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an application with a bot in the Discord Developer Portal, paste its token here, invite it to your server, then choose the server and the role that may control the game servers.</source>
        <translation>Legen Sie im Discord-Entwicklerportal eine Anwendung mit einem Bot an, fügen Sie hier dessen Token ein, laden Sie den Bot auf Ihren Server ein und wählen Sie dann den Server und die Rolle, die die Gameserver steuern darf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bot &amp;token:</source>
        <translation>Bot-To&amp;ken:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Developer Portal → your application → Bot → Reset Token</source>
        <translation>Entwicklerportal → Ihre Anwendung → Bot → Reset Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Developer Portal</source>
        <translation>&amp;Entwicklerportal öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Invite the bot to your server…</source>
        <translation>Bot auf Ihren Server ein&amp;laden…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opens Discord&apos;s invite page with the scopes bot and applications.commands and the permissions the bot needs</source>
        <translation>Öffnet die Einladungsseite von Discord mit den Scopes bot und applications.commands und den Berechtigungen, die der Bot braucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the invite link</source>
        <translation>Einladungslink kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask Discord again, after you invited the bot</source>
        <translation>Discord erneut abfragen, nachdem Sie den Bot eingeladen haben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Control role:</source>
        <translation>Steuer&amp;rolle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members with this role may press Start, Stop and Restart and run /refresh_embeds and /purge_embeds.</source>
        <translation>Mitglieder mit dieser Rolle dürfen „Starten“, „Stoppen“ und „Neu starten“ drücken sowie /refresh_embeds und /purge_embeds ausführen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus role:</source>
        <translation>S&amp;tatusrolle:</translation>
    </message>
    <message>
        <location filename="../src/gui/DiscordSetupPage.cpp" line="+24"/>
        <source>View Channel</source>
        <translation>Kanäle anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send Messages</source>
        <translation>Nachrichten senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embed Links</source>
        <translation>Links einbetten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read Message History</source>
        <translation>Nachrichtenverlauf anzeigen</translation>
    </message>
</context>
<context>
    <name>InteractionDelivery</name>
    <message>
        <location filename="../src/core/discord/InteractionDelivery.cpp" line="+129"/>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
</context>
<context>
    <name>InteractionResponder</name>
    <message>
        <location filename="../src/core/discord/InteractionResponder.cpp" line="+79"/>
        <source>Something went wrong while handling this.</source>
        <translation>Bei der Verarbeitung ist etwas schiefgegangen.</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../ui/LogView.ui" line="+31"/>
        <source>Sho&amp;w:</source>
        <translation>Anzei&amp;gen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which log levels the list shows</source>
        <translation>Welche Protokollstufen die Liste zeigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings and above</source>
        <translation>Warnungen und höher</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search messages and categories</source>
        <translation>Meldungen und Kategorien durchsuchen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Copy every line the list shows to the clipboard</source>
        <translation>Alle in der Liste angezeigten Zeilen in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;All Shown</source>
        <translation>Alle angezeigten &amp;kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove every line from the list (the service log is not affected)</source>
        <translation>Alle Zeilen aus der Liste entfernen (das Dienstprotokoll bleibt unberührt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clea&amp;r</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected lines to the clipboard</source>
        <translation>Die ausgewählten Zeilen in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Log F&amp;ile</source>
        <translation>Protokolldatei ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the log file, which keeps the lines of earlier runs too, in the application your desktop uses for it</source>
        <translation>Die Protokolldatei, die auch die Zeilen früherer Läufe enthält, mit der Anwendung öffnen, die Ihr Desktop dafür vorsieht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Log F&amp;older</source>
        <translation>Protokoll&amp;ordner öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the folder of the log file and its rotated copies in the file manager</source>
        <translation>Den Ordner der Protokolldatei und ihrer rotierten Kopien im Dateimanager öffnen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+9"/>
        <source>Pterodisbot</source>
        <translation>Pterodisbot</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;Demo:&lt;/b&gt; the bot runs against a simulated panel and a simulated Discord on 127.0.0.1. Select an embed and press &lt;b&gt;Start&lt;/b&gt;, &lt;b&gt;Stop&lt;/b&gt; or &lt;b&gt;Restart&lt;/b&gt; in the preview as a member with the control role; the panel, the embed and the graph follow.</source>
        <translation>&lt;b&gt;Demo:&lt;/b&gt; Der Bot arbeitet mit einem simulierten Panel und einem simulierten Discord auf 127.0.0.1. Wählen Sie ein Embed aus und klicken Sie in der Vorschau als Mitglied mit der Steuerrolle auf &lt;b&gt;Starten&lt;/b&gt;, &lt;b&gt;Stoppen&lt;/b&gt; oder &lt;b&gt;Neu starten&lt;/b&gt;; Panel, Embed und Graph ziehen nach.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tracked &amp;embeds</source>
        <translation>Verfolgte &amp;Embeds</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter embeds by server, channel or state…</source>
        <translation>Embeds nach Server, Kanal oder Status filtern…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter servers by name, id, node or state…</source>
        <translation>Server nach Name, ID, Node oder Status filtern…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Post status embed…</source>
        <translation>Status-Embed se&amp;nden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post the selected server&apos;s status embed to a channel (an older one is deleted first)</source>
        <translation>Das Status-Embed des ausgewählten Servers in einen Kanal senden (ein älteres wird zuvor gelöscht)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Live graph</source>
        <translation>Live-Graph</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Embed preview</source>
        <translation>Embed-Vorschau</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Bot</source>
        <translation>&amp;Bot</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Setup assistant…</source>
        <translation>&amp;Einrichtungsassistent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk through the panel, the Discord bot and the behaviour again, each checked live</source>
        <translation>Panel, Discord-Bot und Verhalten erneut durchgehen, jeweils live geprüft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ettings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh all embeds</source>
        <translation>Alle Embeds &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause updates</source>
        <translation>Aktualisierungen &amp;pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the update cycle: embeds freeze, commands and buttons keep working</source>
        <translation>Den Aktualisierungszyklus anhalten: Die Embeds bleiben stehen, Befehle und Schaltflächen funktionieren weiter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open in Discord</source>
        <translation>In Discord ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop tracking</source>
        <translation>&amp;Nicht mehr verfolgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget this embed; the message stays in Discord, frozen</source>
        <translation>Dieses Embed vergessen; die Nachricht bleibt unverändert in Discord stehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete embed…</source>
        <translation>Embed &amp;löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Pterodisbot</source>
        <translation>Ü&amp;ber Pterodisbot</translation>
    </message>
</context>
<context>
    <name>OutageAlerts</name>
    <message>
        <location filename="../src/core/bot/OutageAlerts.cpp" line="+141"/>
        <source>%1 went offline unexpectedly</source>
        <translation>%1 ist unerwartet offline gegangen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is back after %2</source>
        <extracomment>%1 the server, %2 how long it was down (&quot;3 min 12 s&quot;).</extracomment>
        <translation>%1 ist nach %2 wieder online</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel is unreachable; server states are unknown until it answers again</source>
        <translation>Das Panel ist nicht erreichbar; der Status der Server ist unbekannt, bis es wieder antwortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The panel is reachable again after %1</source>
        <extracomment>%1 how long the panel was unreachable (&quot;3 min 12 s&quot;).</extracomment>
        <translation>Das Panel ist nach %1 wieder erreichbar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>less than 1 s</source>
        <translation>weniger als 1 s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 d</source>
        <extracomment>Days of a duration (&quot;3 d 4 h&quot;).</extracomment>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <extracomment>Hours of a duration (&quot;2 h 5 min&quot;).</extracomment>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <extracomment>Minutes of a duration (&quot;3 min 12 s&quot;).</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <extracomment>Seconds of a duration (&quot;45 s&quot;).</extracomment>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>PanelSetupPage</name>
    <message>
        <location filename="../ui/PanelSetupPage.ui" line="+5"/>
        <source>Your panel</source>
        <translation>Ihr Panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address of your Pterodactyl or Pelican panel and an API key the bot uses to read and control your servers.</source>
        <translation>Die Adresse Ihres Pterodactyl- oder Pelican-Panels und ein API-Schlüssel, mit dem der Bot Ihre Server ausliest und steuert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Panel &amp;address:</source>
        <translation>Panel-&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://panel.example.com</source>
        <translation>https://panel.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client key:</source>
        <translation>&amp;Client-API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ptlc_… (Pterodactyl) or pacc_… (Pelican)</source>
        <translation>ptlc_… (Pterodactyl) oder pacc_… (Pelican)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the panel: your account → API Credentials → create a key. It acts as you: the bot sees the servers you see.</source>
        <translation>Im Panel: Ihr Konto → API Credentials → Schlüssel erstellen. Der Schlüssel handelt in Ihrem Namen: Der Bot sieht die Server, die Sie sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Application key:</source>
        <translation>Anwendungs-API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: ptla_… or papp_…</source>
        <translation>optional: ptla_… oder papp_…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, from the admin area → Application API. It adds node names for every server and totals over the whole panel.</source>
        <translation>Optional, aus dem Adminbereich → Application API. Er ergänzt die Node-Namen aller Server und Gesamtwerte über das ganze Panel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;heck the panel</source>
        <translation>Panel &amp;prüfen</translation>
    </message>
</context>
<context>
    <name>PowerButtons</name>
    <message>
        <location filename="../src/core/bot/PowerButtons.cpp" line="+35"/>
        <source>Start sent to **%1**</source>
        <translation>Startbefehl an **%1** gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sent to **%1**</source>
        <translation>Stoppbefehl an **%1** gesendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart sent to **%1**</source>
        <translation>Neustartbefehl an **%1** gesendet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>offline</source>
        <comment>power state</comment>
        <extracomment>The state a server is in, ending &quot;… the panel still reports it %2&quot; and &quot;it is %2&quot;.</extracomment>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <comment>power state</comment>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <comment>power state</comment>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping</source>
        <comment>power state</comment>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <comment>power state</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1; the panel still reports it %2 (its status can lag up to 20 s), the embed follows.</source>
        <extracomment>%1 &quot;Start sent to **Survival**&quot;, %2 the state the panel still reports (&quot;offline&quot;).</extracomment>
        <translation>%1; das Panel meldet noch „%2“ (der Status kann bis zu 20 s nachhinken), das Embed zieht nach.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — it is %2.</source>
        <extracomment>%1 &quot;Start sent to **Survival**&quot;, %2 the state it is in now (&quot;starting&quot;).</extracomment>
        <translation>%1 — Status: %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the panel says the server is busy (suspended, installing or transferring)</source>
        <extracomment>The end of &quot;Could not start **Survival**: …&quot;.</extracomment>
        <translation>laut Panel ist der Server belegt (gesperrt, in Installation oder in Übertragung)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel says: %1</source>
        <extracomment>%1 is the panel&apos;s own message, in the panel&apos;s language.</extracomment>
        <translation>das Panel meldet: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its node (Wings) is not answering</source>
        <translation>sein Node (Wings) antwortet nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel refused the bot&apos;s API key</source>
        <translation>das Panel hat den API-Schlüssel des Bots abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel is rate limiting the bot; try again in a minute</source>
        <translation>das Panel drosselt die Anfragen des Bots; bitte in einer Minute erneut versuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel does not know that server any more</source>
        <translation>das Panel kennt diesen Server nicht mehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel did not answer in time; the action may still happen</source>
        <translation>das Panel hat nicht rechtzeitig geantwortet; die Aktion kann trotzdem noch ausgeführt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel is not answering</source>
        <translation>das Panel antwortet nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not start **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>**%1** konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not stop **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>**%1** konnte nicht gestoppt werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not restart **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>**%1** konnte nicht neu gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>That server has no status embed here any more.</source>
        <translation>Dieser Server hat hier kein Status-Embed mehr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This button does not belong to that server&apos;s status embed.</source>
        <translation>Diese Schaltfläche gehört nicht zum Status-Embed dieses Servers.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No address is known for **%1**.</source>
        <translation>Für **%1** ist keine Adresse bekannt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The bot is not connected to the panel.</source>
        <translation>Der Bot ist nicht mit dem Panel verbunden.</translation>
    </message>
</context>
<context>
    <name>PowerCooldown</name>
    <message>
        <location filename="../src/core/bot/PowerCooldown.cpp" line="+18"/>
        <source>this server</source>
        <translation>diesen Server</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>A power action was just sent to %1. Please wait %n s before sending another.</source>
        <extracomment>%1 the server&apos;s name (or &quot;this server&quot;), %n the seconds left.</extracomment>
        <translation>
            <numerusform>Soeben wurde ein Steuerbefehl an %1 gesendet. Bitte noch %n s warten, bevor ein weiterer gesendet wird.</numerusform>
            <numerusform>Soeben wurde ein Steuerbefehl an %1 gesendet. Bitte noch %n s warten, bevor ein weiterer gesendet wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::BehaviourSetupPage</name>
    <message>
        <location filename="../src/gui/BehaviourSetupPage.cpp" line="+19"/>
        <source>Polling the panel (default)</source>
        <translation>Abfrage des Panels (Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wings websocket (live)</source>
        <translation>Wings-WebSocket (live)</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>How often the bot reads the panel. 10 s is the default: graphs of the recent samples, and an embed is edited only when something changed (now: every %n s).</source>
        <translation>
            <numerusform>Wie oft der Bot das Panel abfragt. Standard sind 10 s: Die Graphen zeigen die jüngsten Messwerte, und ein Embed wird nur bearbeitet, wenn sich etwas geändert hat (derzeit: alle %n s).</numerusform>
            <numerusform>Wie oft der Bot das Panel abfragt. Standard sind 10 s: Die Graphen zeigen die jüngsten Messwerte, und ein Embed wird nur bearbeitet, wenn sich etwas geändert hat (derzeit: alle %n s).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live statistics from each tracked server&apos;s Wings websocket: state changes show at once; needs the panel&apos;s websocket to be reachable from here.</source>
        <translation>Live-Statistiken aus dem Wings-WebSocket jedes verfolgten Servers: Statusänderungen erscheinen sofort; der WebSocket des Panels muss von hier aus erreichbar sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The default: the bot asks the panel every interval; a real panel caches answers for 20 s, so a start or stop may show a little late.</source>
        <translation>Die Voreinstellung: Der Bot fragt das Panel in jedem Intervall ab; ein echtes Panel hält Antworten 20 s lang im Cache, daher kann ein Start oder Stopp etwas verzögert erscheinen.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::DesktopFace</name>
    <message>
        <location filename="../src/gui/DesktopFace.cpp" line="+35"/>
        <source>Pterodisbot keeps running</source>
        <translation>Pterodisbot läuft weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot keeps your embeds up to date in the background. Open the window from the tray icon; Quit there stops the bot.</source>
        <translation>Der Bot hält Ihre Embeds im Hintergrund aktuell. Das Fenster öffnen Sie über das Symbol im Systemabschnitt; „Beenden“ in dessen Menü stoppt den Bot.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::DiscordSetupPage</name>
    <message>
        <location filename="../src/gui/DiscordSetupPage.cpp" line="+68"/>
        <source>Asking Discord who this token is…</source>
        <translation>Discord wird gefragt, zu wem dieses Token gehört…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discord knows this token: the bot %1 (application %2).</source>
        <translation>Discord kennt dieses Token: Es gehört zum Bot %1 (Anwendung %2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Listing the servers the bot is in…</source>
        <translation>Die Server des Bots werden abgerufen…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The bot is in no server yet.</source>
        <translation>Der Bot ist noch auf keinem Server.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite it with the button above, then press Refresh.</source>
        <translation>Laden Sie ihn mit der Schaltfläche oben ein und klicken Sie dann auf „Aktualisieren“.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the server&apos;s roles…</source>
        <translation>Die Rollen des Servers werden gelesen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anyone in the server</source>
        <translation>Alle Mitglieder des Servers</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bot lacks these permissions in this server: %1.</source>
        <translation>Dem Bot fehlen auf diesem Server folgende Berechtigungen: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invite it again with the button above, or give its role these permissions in Server Settings → Roles.</source>
        <translation>Laden Sie ihn mit der Schaltfläche oben erneut ein oder geben Sie seiner Rolle diese Berechtigungen unter Servereinstellungen → Rollen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This server has no role to choose.</source>
        <translation>Auf diesem Server gibt es keine Rolle zur Auswahl.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a role for the members who may control the game servers (Server Settings → Roles), then press Refresh.</source>
        <translation>Erstellen Sie eine Rolle für die Mitglieder, die die Gameserver steuern dürfen (Servereinstellungen → Rollen), und klicken Sie dann auf „Aktualisieren“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot is in this server with the permissions it needs.</source>
        <translation>Der Bot ist auf diesem Server und hat die nötigen Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::EmbedPreview</name>
    <message numerus="yes">
        <location filename="../src/gui/EmbedPreview.cpp" line="+104"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <location line="+416"/>
        <source>The image is not available in the preview</source>
        <translation>Das Bild ist in der Vorschau nicht verfügbar</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Make a selection</source>
        <translation>Auswahl treffen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No message to preview</source>
        <translation>Keine Nachricht für die Vorschau</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Pterodisbot</source>
        <translation>Pterodisbot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APP</source>
        <translation>APP</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The embeds of this message are hidden</source>
        <translation>Die Embeds dieser Nachricht sind ausgeblendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message has no embed</source>
        <translation>Diese Nachricht hat kein Embed</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>A link button: Discord opens its address</source>
        <translation>Link-Schaltfläche: Discord öffnet die verlinkte Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press to send this button to the bot, as a member with the control role</source>
        <translation>Klicken, um diesen Knopfdruck als Mitglied mit der Steuerrolle an den Bot zu senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press this button in Discord to use it</source>
        <translation>Diese Schaltfläche lässt sich nur in Discord verwenden</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::EmbedTableModel</name>
    <message>
        <location filename="../src/gui/EmbedTableModel.cpp" line="+142"/>
        <source>Message %1 in channel %2</source>
        <translation>Nachricht %1 in Kanal %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last edit</source>
        <translation>Letzte Bearbeitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next refresh</source>
        <translation>Nächste Aktualisierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::FinishSetupPage</name>
    <message>
        <location filename="../src/gui/FinishSetupPage.cpp" line="+20"/>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and start</source>
        <translation>Speichern und starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your secrets go to the system&apos;s keychain, the rest to the configuration file; then the bot starts.</source>
        <translation>Ihre Zugangsdaten kommen in den Schlüsselbund des Systems, alles Übrige in die Konfigurationsdatei; danach startet der Bot.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Panel:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Discord server:&lt;/b&gt; %2, control role %3&lt;br&gt;&lt;b&gt;Updates:&lt;/b&gt; every %4 s, statistics by %5, alerts %6&lt;br&gt;&lt;b&gt;Configuration file:&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;Panel:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Discord-Server:&lt;/b&gt; %2, Steuerrolle %3&lt;br&gt;&lt;b&gt;Aktualisierungen:&lt;/b&gt; alle %4 s, Statistiken per %5, Benachrichtigungen %6&lt;br&gt;&lt;b&gt;Konfigurationsdatei:&lt;/b&gt; %7</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>websocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polling</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Storing the secrets in the keychain…</source>
        <translation>Die Zugangsdaten werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token and the panel keys are in the keychain.</source>
        <translation>Das Token und die Panel-Schlüssel liegen im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain answered%1: the secrets go into the configuration file instead, readable only by you (mode 0600).</source>
        <translation>Kein Schlüsselbund hat geantwortet%1: Die Zugangsdaten kommen stattdessen in die Konfigurationsdatei, die nur Sie lesen können (Modus 0600).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anyone who can log in as you can read them there; a keychain (GNOME Keyring, KWallet) keeps them safer.</source>
        <translation>Dort kann sie jeder lesen, der sich als Sie anmelden kann; in einem Schlüsselbund (GNOME Keyring, KWallet) sind sie sicherer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make the folder writable for your user (or free space on its disk), then try again; or start pterodisbot with --config and a file in a folder you can write.</source>
        <translation>Machen Sie den Ordner für Ihren Benutzer beschreibbar (oder schaffen Sie Platz auf seinem Datenträger) und versuchen Sie es erneut – oder starten Sie pterodisbot mit --config und einer Datei in einem beschreibbaren Ordner.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Configuration written to %1.</source>
        <translation>Konfiguration in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press &lt;b&gt;Finish&lt;/b&gt; to start the bot; the window shows it connecting.</source>
        <translation>Klicken Sie auf &lt;b&gt;Abschließen&lt;/b&gt;, um den Bot zu starten; das Fenster zeigt den Verbindungsaufbau.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LiveChart</name>
    <message>
        <location filename="../src/gui/LiveChart.cpp" line="+70"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU  %1 of %2</source>
        <translation>CPU  %1 von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU  %1 (no limit)</source>
        <translation>CPU  %1 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory  %1 of %2</source>
        <translation>Arbeitsspeicher  %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory  %1 (no limit)</source>
        <translation>Arbeitsspeicher  %1 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>last %1 s</source>
        <translation>letzte %1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last %1 min</source>
        <translation>letzte %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last %1 h</source>
        <translation>letzte %1 h</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>Waiting for data…</source>
        <translation>Warten auf Daten…</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LogModel</name>
    <message>
        <location filename="../src/gui/LogModel.cpp" line="+221"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fatal</source>
        <translation>Schwerwiegend</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LogView</name>
    <message>
        <location filename="../src/gui/LogView.cpp" line="+261"/>
        <source>Log File</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No application could open it. The log file is:
%1</source>
        <translation>Öffnen nicht möglich: Es wurde keine passende Anwendung gefunden. Die Protokolldatei liegt unter:
%1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 of %n line(s)</source>
        <translation>
            <numerusform>%1 von %n Zeile</numerusform>
            <numerusform>%1 von %n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+229"/>
        <source>&amp;Log</source>
        <translation>P&amp;rotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Live graph</source>
        <translation>Live-Graph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a server to see its CPU and memory</source>
        <translation>Wählen Sie einen Server aus, um seine CPU- und Arbeitsspeicherauslastung zu sehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live graph: %1</source>
        <translation>Live-Graph: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Embed preview</source>
        <translation>Embed-Vorschau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a tracked embed to see it as Discord shows it</source>
        <translation>Wählen Sie ein verfolgtes Embed aus, um es so zu sehen, wie Discord es anzeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server has no tracked embed: post one with &quot;Post status embed&quot; or /server_status in Discord</source>
        <translation>Für diesen Server wird kein Embed verfolgt: Senden Sie eines mit „Status-Embed senden“ oder mit /server_status in Discord</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embed preview: #%1</source>
        <translation>Embed-Vorschau: #%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot has not written this embed since it started; it will at the next refresh (%1)</source>
        <translation>Der Bot hat dieses Embed seit seinem Start noch nicht geschrieben; das geschieht bei der nächsten Aktualisierung (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>first cycle</source>
        <translation>erster Durchlauf</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pterodisbot — starting</source>
        <translation>Pterodisbot — wird gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discord: not connected</source>
        <translation>Discord: nicht verbunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pterodisbot — %1</source>
        <translation>Pterodisbot — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Discord: %1</source>
        <translation>Discord: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Discord: connected · heartbeat %1 ms</source>
        <translation>Discord: verbunden · Heartbeat %1 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Panel: reachable · %n request(s) left this minute</source>
        <translation>
            <numerusform>Panel: erreichbar · noch %n Anfrage in dieser Minute</numerusform>
            <numerusform>Panel: erreichbar · noch %n Anfragen in dieser Minute</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Panel: unreachable · %1</source>
        <translation>Panel: nicht erreichbar · %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;The bot stopped and needs you:&lt;/b&gt; %1&lt;br&gt;Fix it, then start Pterodisbot again. &lt;a href=&quot;https://discord.com/developers/applications&quot;&gt;Discord Developer Portal&lt;/a&gt;</source>
        <translation>&lt;b&gt;Der Bot wurde gestoppt und braucht Sie:&lt;/b&gt; %1&lt;br&gt;Beheben Sie das Problem und starten Sie Pterodisbot dann erneut. &lt;a href=&quot;https://discord.com/developers/applications&quot;&gt;Discord-Entwicklerportal&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Updates paused</source>
        <translation>Aktualisierungen pausiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Next update in %n s</source>
        <translation>
            <numerusform>Nächste Aktualisierung in %n s</numerusform>
            <numerusform>Nächste Aktualisierung in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+7"/>
        <source>Post status embed</source>
        <translation>Status-Embed senden</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Channel id to post the status embed of %1 in:</source>
        <translation>ID des Kanals, in den das Status-Embed von %1 gesendet werden soll:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a channel id. In Discord, turn on Developer Mode (User Settings → Advanced), right-click the channel and choose Copy Channel ID.</source>
        <translation>„%1“ ist keine Kanal-ID. Aktivieren Sie in Discord den Entwicklermodus (Benutzereinstellungen → Erweitert), klicken Sie mit der rechten Maustaste auf den Kanal und wählen Sie „Kanal-ID kopieren“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Posting the status embed of %1…</source>
        <translation>Status-Embed von %1 wird gesendet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete embed</source>
        <translation>Embed löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the status embed of %1 from Discord? The message is removed from the channel and the bot stops updating it.</source>
        <translation>Das Status-Embed von %1 aus Discord löschen? Die Nachricht wird aus dem Kanal entfernt, und der Bot aktualisiert sie nicht mehr.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>About Pterodisbot</source>
        <translation>Über Pterodisbot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Pterodisbot %1&lt;/h3&gt;&lt;p&gt;A Discord bot for Pterodactyl and Pelican panels: status embeds with live graphs and power buttons for your game servers.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pterodisbot %1&lt;/h3&gt;&lt;p&gt;Ein Discord-Bot für Pterodactyl- und Pelican-Panels: Status-Embeds mit Live-Graphen und Schaltflächen zum Starten, Stoppen und Neustarten Ihrer Gameserver.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::PanelSetupPage</name>
    <message>
        <location filename="../src/gui/PanelSetupPage.cpp" line="+86"/>
        <source>Asking the panel…</source>
        <translation>Das Panel wird abgefragt…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking the application key…</source>
        <translation>Der Anwendungs-API-Schlüssel wird geprüft…</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::ServerTableModel</name>
    <message>
        <location filename="../src/gui/ServerTableModel.cpp" line="+158"/>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tracked</source>
        <translation>verfolgt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embed</source>
        <translation>Embed</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::SettingsDialog</name>
    <message>
        <location filename="../src/gui/SettingsDialog.cpp" line="+31"/>
        <source>&amp;Discord</source>
        <translation>&amp;Discord</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Panel</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bot</source>
        <translation>&amp;Bot</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pterodisbot settings</source>
        <translation>Pterodisbot-Einstellungen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Test pa&amp;nel</source>
        <translation>Pa&amp;nel testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test D&amp;iscord</source>
        <translation>D&amp;iscord testen</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged: %1 (%2)</source>
        <translation>unverändert: %1 (%2)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>From the environment (%1), which overrides what you edit here.</source>
        <translation>Aus der Umgebung (%1); das hat Vorrang vor dem, was Sie hier eingeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now from: %1.</source>
        <translation>Derzeitige Quelle: %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking the panel…</source>
        <translation>Das Panel wird abgefragt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Asking Discord…</source>
        <translation>Discord wird abgefragt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discord accepts the token of %1.</source>
        <translation>Discord akzeptiert das Token von %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings have errors (shown under their fields).</source>
        <translation>Die Einstellungen enthalten Fehler (unter den jeweiligen Feldern angezeigt).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Saved. The new data folder takes effect after a restart; the rest applies now.</source>
        <translation>Gespeichert. Der neue Datenordner gilt nach einem Neustart, alles andere ab sofort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved and applied.</source>
        <translation>Gespeichert und übernommen.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::SetupDialogue</name>
    <message>
        <location filename="../src/core/setup/SetupDialogue.cpp" line="+88"/>
        <source>a number from 1 to %1</source>
        <translation>eine Zahl von 1 bis %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, or Enter for none</source>
        <translation> oder Enter für keine Auswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, or %1 to list them again</source>
        <translation> oder %1, um sie erneut aufzulisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not on the list.</source>
        <translation>%1 steht nicht in der Liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type %1.</source>
        <translation>Erwartet wird %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  ✗ %1</source>
        <translation>  ✗ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  ✗ %1
    %2</source>
        <translation>  ✗ %1
    %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pterodisbot setup: four steps; every answer is checked at once. Ctrl+D quits without writing anything.</source>
        <translation>Pterodisbot-Einrichtung: vier Schritte; jede Antwort wird sofort geprüft. Strg+D bricht ab, ohne etwas zu schreiben.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Step 1 of 4: the panel</source>
        <translation>
Schritt 1 von 4: das Panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panel address (e.g. https://panel.example.com): </source>
        <translation>Panel-Adresse (z. B. https://panel.example.com): </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  ! %1
    %2</source>
        <translation>  ! %1
    %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Client key (ptlc_… or pacc_…; hidden; Enter alone to change the address): </source>
        <translation>Client-API-Schlüssel (ptlc_… oder pacc_…; Eingabe verborgen; nur Enter, um die Adresse zu ändern): </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>  Asking the panel…</source>
        <translation>  Das Panel wird abgefragt…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+33"/>
        <source>  ✓ %1</source>
        <translation>  ✓ %1</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>  ✓ %1
    %2</source>
        <translation>  ✓ %1
    %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Application key (optional, ptla_… or papp_…, for node details and panel totals; hidden; Enter to skip): </source>
        <translation>Anwendungs-API-Schlüssel (optional, ptla_… oder papp_…, für Node-Details und Panel-Gesamtwerte; Eingabe verborgen; Enter zum Überspringen): </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  Checking the application key…</source>
        <translation>  Der Anwendungs-API-Schlüssel wird geprüft…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>
Step 2 of 4: Discord
The bot&apos;s token is on https://discord.com/developers/applications → your application → Bot.</source>
        <translation>
Schritt 2 von 4: Discord
Das Token des Bots finden Sie unter https://discord.com/developers/applications → Ihre Anwendung → Bot.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bot token (hidden): </source>
        <translation>Bot-Token (Eingabe verborgen): </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  Asking Discord who this token is…</source>
        <translation>  Discord wird gefragt, zu wem dieses Token gehört…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  ✓ Discord knows this token: the bot %1 (application %2).</source>
        <translation>  ✓ Discord kennt dieses Token: Es gehört zum Bot %1 (Anwendung %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Invite the bot to your Discord server with this link (open it in a browser):
  %1</source>
        <translation>
Laden Sie den Bot mit diesem Link auf Ihren Discord-Server ein (im Browser öffnen):
  %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Enter once the bot is in your server: </source>
        <translation>Drücken Sie Enter, sobald der Bot auf Ihrem Server ist: </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Press Enter to try again: </source>
        <translation>Drücken Sie Enter für einen neuen Versuch: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bot is in no server yet.</source>
        <translation>Der Bot ist noch auf keinem Server.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite it with the link above, then press Enter.</source>
        <translation>Laden Sie ihn mit dem Link oben ein und drücken Sie dann Enter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Enter to look again: </source>
        <translation>Drücken Sie Enter, um erneut nachzusehen: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The servers the bot is in:</source>
        <translation>Die Server, auf denen der Bot ist:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server number (r = refresh): </source>
        <translation>Nummer des Servers (r = aktualisieren): </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  Reading the server&apos;s roles…</source>
        <translation>  Die Rollen des Servers werden gelesen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server has no role to choose.</source>
        <translation>Auf diesem Server gibt es keine Rolle zur Auswahl.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a role for the members who may control the game servers (Server Settings → Roles), then type r.</source>
        <translation>Erstellen Sie eine Rolle für die Mitglieder, die die Gameserver steuern dürfen (Servereinstellungen → Rollen), und geben Sie dann r ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ! The bot lacks these permissions in this server: %1.
    Invite it again with the link above, or give its role these permissions in Server Settings → Roles.</source>
        <translation>  ! Dem Bot fehlen auf diesem Server folgende Berechtigungen: %1.
    Laden Sie ihn mit dem Link oben erneut ein oder geben Sie seiner Rolle diese Berechtigungen unter Servereinstellungen → Rollen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ✓ The bot is in this server with the permissions it needs.</source>
        <translation>  ✓ Der Bot ist auf diesem Server und hat die nötigen Berechtigungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its roles:</source>
        <translation>Die Rollen des Servers:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Control role number (who may start, stop and restart servers): </source>
        <translation>Nummer der Steuerrolle (wer Server starten, stoppen und neu starten darf): </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status role number (who may use /server_status; Enter = anyone in the server): </source>
        <translation>Nummer der Statusrolle (wer /server_status verwenden darf; Enter = alle Mitglieder des Servers): </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No alert channel for now; set discord.alert_channel_id later.</source>
        <translation>Vorerst kein Benachrichtigungskanal; discord.alert_channel_id lässt sich später setzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its text channels:</source>
        <translation>Die Textkanäle des Servers:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alert channel number (Enter = no alerts): </source>
        <translation>Nummer des Benachrichtigungskanals (Enter = keine Benachrichtigungen): </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Step 3 of 4: updates</source>
        <translation>
Schritt 3 von 4: Aktualisierungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seconds between updates (%1 to %2; Enter = %3): </source>
        <translation>Sekunden zwischen den Aktualisierungen (%1 bis %2; Enter = %3): </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a whole number of seconds</source>
        <translation>%1 ist keine ganze Sekundenzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a value from %1 to %2 (default %3)</source>
        <translation>Geben Sie einen Wert von %1 bis %2 ein (Standard: %3)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Statistics by %1 (Enter = %2): </source>
        <translation>Statistiken per %1 (Enter = %2): </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not one of %2.</source>
        <translation>%1 ist keiner der Werte %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poll asks the panel every interval; websocket reads live statistics from Wings.</source>
        <translation>poll fragt das Panel in jedem Intervall ab; websocket liest Live-Statistiken aus Wings.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>
Step 4 of 4: saving</source>
        <translation>
Schritt 4 von 4: Speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  Storing the secrets in the keychain…</source>
        <translation>  Die Zugangsdaten werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>  ✓ The token and the panel keys are in the keychain.</source>
        <translation>  ✓ Das Token und die Panel-Schlüssel liegen im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  ! No keychain answered%1: the secrets go into the configuration file instead, readable only by you (mode 0600).</source>
        <translation>  ! Kein Schlüsselbund hat geantwortet%1: Die Zugangsdaten kommen stattdessen in die Konfigurationsdatei, die nur Sie lesen können (Modus 0600).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make the folder writable for your user (or free space on its disk), or choose a file in a folder you can write with --config, then run pterodisbot --setup again.</source>
        <translation>Machen Sie den Ordner für Ihren Benutzer beschreibbar (oder schaffen Sie Platz auf seinem Datenträger) oder wählen Sie mit --config eine Datei in einem beschreibbaren Ordner und führen Sie dann pterodisbot --setup erneut aus.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  ✓ Configuration written to %1.

Next: pterodisbot --check-config%2 checks it once more; then pterodisbot --no-gui%2 starts the bot.</source>
        <translation>  ✓ Konfiguration in %1 gespeichert.

Als Nächstes: pterodisbot --check-config%2 prüft sie noch einmal; danach startet pterodisbot --no-gui%2 den Bot.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::SetupWizard</name>
    <message>
        <location filename="../src/gui/SetupWizard.cpp" line="+20"/>
        <source>Set up Pterodisbot</source>
        <translation>Pterodisbot einrichten</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::TrayIcon</name>
    <message>
        <location filename="../src/gui/TrayIcon.cpp" line="+16"/>
        <source>&amp;Show Pterodisbot</source>
        <translation>Pterodisbot an&amp;zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause updates</source>
        <translation>Aktualisierungen &amp;pausieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Refresh all embeds</source>
        <translation>Alle Embeds &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pterodisbot alert</source>
        <translation>Pterodisbot-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/app/main.cpp" line="+243"/>
        <source>&lt;b&gt;The bot cannot run.&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;The setup assistant (File → Setup assistant) walks you through every value and checks it; &lt;tt&gt;pterodisbot --check-config&lt;/tt&gt; lists the same problems, and &lt;tt&gt;pterodisbot --demo&lt;/tt&gt; shows the bot against simulators.</source>
        <translation>&lt;b&gt;Der Bot kann nicht starten.&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;Der Einrichtungsassistent (Datei → Einrichtungsassistent) führt Sie durch alle Werte und prüft sie; &lt;tt&gt;pterodisbot --check-config&lt;/tt&gt; listet dieselben Probleme auf, und &lt;tt&gt;pterodisbot --demo&lt;/tt&gt; zeigt den Bot mit Simulatoren.</translation>
    </message>
</context>
<context>
    <name>ServerStatusMenu</name>
    <message numerus="yes">
        <location filename="../src/core/bot/ServerStatusMenu.cpp" line="+55"/>
        <source>**%n** servers · %1 **%2** running · %3 **%4** offline · %5 **%6** unreachable</source>
        <extracomment>%n servers in all; %1, %3, %5 are emojis, %2 running, %4 offline, %6 unreachable.</extracomment>
        <translation>
            <numerusform>**%n** Server · %1 **%2** in Betrieb · %3 **%4** offline · %5 **%6** nicht erreichbar</numerusform>
            <numerusform>**%n** Server · %1 **%2** in Betrieb · %3 **%4** offline · %5 **%6** nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>**%1** other</source>
        <translation>**%1** sonstige</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>**%1** not checked yet</source>
        <translation>**%1** noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The panel lists no servers for this key.</source>
        <translation>Das Panel listet für diesen Schlüssel keine Server auf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a server to post its status here (page %1 of %2):</source>
        <translation>Server auswählen, dessen Status hier gesendet werden soll (Seite %1 von %2):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a server to post its status here:</source>
        <translation>Server auswählen, dessen Status hier gesendet werden soll:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server…</source>
        <extracomment>Placeholder of the server menu.</extracomment>
        <translation>Server…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Previous</source>
        <comment>page button</comment>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next</source>
        <comment>page button</comment>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>StateAppearance</name>
    <message>
        <location filename="../src/gui/StateAppearance.cpp" line="+42"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>disconnected</source>
        <extracomment>The state of the connection to Discord, after &quot;Discord: &quot; in the status bar.</extracomment>
        <translation>getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>identifying</source>
        <translation>meldet sich an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resuming</source>
        <translation>setzt fort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting to reconnect</source>
        <translation>wartet auf neuen Verbindungsversuch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>StatusEmbed</name>
    <message>
        <location filename="../src/core/bot/StatusEmbed.cpp" line="+133"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (install failed)</source>
        <translation>Nicht verfügbar (Installation fehlgeschlagen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (restoring backup)</source>
        <translation>Nicht verfügbar (Backup wird wiederhergestellt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (transferring)</source>
        <translation>Nicht verfügbar (wird übertragen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unavailable (node under maintenance)</source>
        <translation>Nicht verfügbar (Node in Wartung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Last update · %1</source>
        <extracomment>Footer of the status embed, before Discord&apos;s own time stamp; %1 is the server&apos;s id.</extracomment>
        <translation>Letzte Aktualisierung · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last heard from &lt;t:%1:R&gt;.</source>
        <extracomment>Discord shows &lt;t:…:R&gt; as a relative time (&quot;5 minutes ago&quot;) in the reader&apos;s language.</extracomment>
        <translation>Letztes Lebenszeichen &lt;t:%1:R&gt;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panel unreachable</source>
        <translation>Panel nicht erreichbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Start</source>
        <comment>button</comment>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <comment>button</comment>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart</source>
        <comment>button</comment>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Address</source>
        <comment>button</comment>
        <translation>Adresse anzeigen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The server&apos;s node (Wings) is not answering.</source>
        <translation>Der Node des Servers (Wings) antwortet nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel refused the bot&apos;s API key.</source>
        <translation>Das Panel hat den API-Schlüssel des Bots abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel is rate limiting the bot.</source>
        <translation>Das Panel drosselt die Anfragen des Bots.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel answered with an error (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code such as 502.</extracomment>
        <translation>Das Panel hat mit einem Fehler geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel&apos;s answer could not be read.</source>
        <translation>Die Antwort des Panels konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel is not answering (timed out).</source>
        <translation>Das Panel antwortet nicht (Zeitüberschreitung).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel&apos;s TLS certificate is not accepted.</source>
        <translation>Das TLS-Zertifikat des Panels wird nicht akzeptiert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The panel is not answering.</source>
        <translation>Das Panel antwortet nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 B</source>
        <extracomment>Units of data sizes; French writes o, Kio, Mio, Gio.</extracomment>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 cores</source>
        <extracomment>How many CPU cores the server keeps busy, e.g. &quot;1.50 cores&quot;.</extracomment>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 (no limit)</source>
        <extracomment>CPU use of a server without a CPU limit: %1 the percentage, %2 the cores.</extracomment>
        <translation>%1 · %2 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of its %2 % limit · %3</source>
        <extracomment>%1 the share of the limit (a percentage), %2 the limit in percent of one core (200 = two cores), %3 the cores in use.</extracomment>
        <translation>%1 seines Limits von %2&#xa0;% · %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (no limit)</source>
        <extracomment>%1 is an amount such as &quot;1.2 GiB&quot;.</extracomment>
        <translation>%1 (ohne Limit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 / %2 (%3 %)</source>
        <extracomment>Memory or disk use: %1 used, %2 the limit, %3 the used share in percent.</extracomment>
        <translation>%1 / %2 (%3&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../src/core/i18n/Wording.cpp" line="+61"/>
        <source>%1 %</source>
        <extracomment>A percentage; %1 is the number. Put the space your language writes before the sign, preferably a no-break one (French: narrow no-break space U+202F, German: U+00A0).</extracomment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
</TS>
