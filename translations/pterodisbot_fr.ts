<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccessPolicy</name>
    <message>
        <location filename="../src/core/bot/AccessPolicy.cpp" line="+21"/>
        <source>This button</source>
        <extracomment>The subject of the refusals &quot;%1 only works in %2.&quot; and &quot;%1 does not work in direct messages.&quot;: what the member used.</extracomment>
        <translation>Ce bouton</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This menu</source>
        <translation>Ce menu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This command</source>
        <translation>Cette commande</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the Discord server with id %1</source>
        <extracomment>Stands for the guild in refusals while its name is unknown: &quot;… only works in %1.&quot;</extracomment>
        <translation>le serveur Discord d’identifiant %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The bot has no Discord server or control role configured, so nobody can control servers. Ask the bot&apos;s administrator to set them.</source>
        <translation>Le bot n’a ni serveur Discord ni rôle de contrôle configuré, personne ne peut donc contrôler les serveurs. Demandez à l’administrateur du bot de les définir.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The bot has not loaded the roles of %1 yet. Try again in a moment.</source>
        <translation>Le bot n’a pas encore chargé les rôles présents sur %1. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The control role &quot;%1&quot; does not exist in %2. Ask the bot&apos;s administrator to fix the configuration.</source>
        <extracomment>%1 the role&apos;s name as configured, %2 the Discord server.</extracomment>
        <translation>Le rôle de contrôle «&#xa0;%1&#xa0;» n’existe pas sur %2. Demandez à l’administrateur du bot de corriger la configuration.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The status role &quot;%1&quot; does not exist in %2. Ask the bot&apos;s administrator to fix the configuration.</source>
        <translation>Le rôle de statut «&#xa0;%1&#xa0;» n’existe pas sur %2. Demandez à l’administrateur du bot de corriger la configuration.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one controls servers. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <extracomment>%n how many roles (at least 2), %1 the Discord server, %2 their name.</extracomment>
        <translation>
            <numerusform>%n rôles sur %1 s’appellent «&#xa0;%2&#xa0;», le bot ne peut donc pas savoir lequel contrôle les serveurs. Demandez à l’administrateur du bot de configurer plutôt l’identifiant du rôle.</numerusform>
            <numerusform>%n rôles sur %1 s’appellent «&#xa0;%2&#xa0;», le bot ne peut donc pas savoir lequel contrôle les serveurs. Demandez à l’administrateur du bot de configurer plutôt l’identifiant du rôle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n roles in %1 are named &quot;%2&quot;, so the bot cannot tell which one may post server status. Ask the bot&apos;s administrator to configure the role id instead.</source>
        <translation>
            <numerusform>%n rôles sur %1 s’appellent «&#xa0;%2&#xa0;», le bot ne peut donc pas savoir lequel a le droit d’afficher l’état des serveurs. Demandez à l’administrateur du bot de configurer plutôt l’identifiant du rôle.</numerusform>
            <numerusform>%n rôles sur %1 s’appellent «&#xa0;%2&#xa0;», le bot ne peut donc pas savoir lequel a le droit d’afficher l’état des serveurs. Demandez à l’administrateur du bot de configurer plutôt l’identifiant du rôle.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 does not work in direct messages.</source>
        <translation>%1 ne fonctionne pas en messages privés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 only works in %2, not in direct messages.</source>
        <translation>%1 ne fonctionne que sur %2, pas en messages privés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+32"/>
        <source>%1 only works in %2.</source>
        <translation>%1 ne fonctionne que sur %2.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>You need the control role (id %1) to control servers.</source>
        <translation>Vous avez besoin du rôle de contrôle (identifiant %1) pour contrôler les serveurs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You need the %1 role to control servers.</source>
        <translation>Vous avez besoin du rôle %1 pour contrôler les serveurs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The bot has no Discord server configured. Ask the bot&apos;s administrator to set it.</source>
        <translation>Aucun serveur Discord n’est configuré pour le bot. Demandez à l’administrateur du bot de le définir.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You need the status role (id %1) to show server status.</source>
        <translation>Vous avez besoin du rôle de statut (identifiant %1) pour afficher l’état des serveurs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You need the %1 role to show server status.</source>
        <translation>Vous avez besoin du rôle %1 pour afficher l’état des serveurs.</translation>
    </message>
</context>
<context>
    <name>BehaviourSetupPage</name>
    <message>
        <location filename="../ui/BehaviourSetupPage.ui" line="+5"/>
        <source>How the bot behaves</source>
        <translation>Comportement du bot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The defaults suit most communities; every value can be changed later in the settings.</source>
        <translation>Les valeurs par défaut conviennent à la plupart des communautés&#x202f;; chacune peut être modifiée plus tard dans les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Update every:</source>
        <translation>&amp;Intervalle de mise à jour&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alerts:</source>
        <translation>&amp;Alertes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post a message when a server goes down and when it is back</source>
        <translation>Publier un message quand un serveur tombe et quand il revient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert c&amp;hannel:</source>
        <translation>Sa&amp;lon des alertes&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Statistics from:</source>
        <translation>Sour&amp;ce des statistiques&#xa0;:</translation>
    </message>
</context>
<context>
    <name>BotCore</name>
    <message>
        <location filename="../src/core/bot/BotCore.cpp" line="+696"/>
        <source>This button or menu is not one of mine, or it is outdated. Run /server_status again.</source>
        <translation>Ce bouton ou ce menu ne m’appartient pas, ou il est périmé. Relancez /server_status.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This button or menu is not one of mine.</source>
        <translation>Ce bouton ou ce menu ne m’appartient pas.</translation>
    </message>
</context>
<context>
    <name>BotHealth</name>
    <message>
        <location filename="../src/gui/BotHealth.cpp" line="+15"/>
        <source>Stopped: needs your attention</source>
        <translation>Arrêté&#xa0;: requiert votre attention</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to Discord</source>
        <translation>Connexion à Discord</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reconnecting to Discord</source>
        <translation>Reconnexion à Discord</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Panel unreachable</source>
        <translation>Panel injoignable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An embed could not be updated</source>
        <translation>Un embed n’a pas pu être mis à jour</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates paused</source>
        <translation>Mises à jour en pause</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pterodisbot: %1</source>
        <translation>Pterodisbot&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 servers running</source>
        <translation>Serveurs en marche&#xa0;: %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n embed(s) tracked</source>
        <translation>
            <numerusform>%n embed suivi</numerusform>
            <numerusform>%n embeds suivis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../src/charts/ChartScales.cpp" line="+137"/>
        <source>last %1 s</source>
        <extracomment>The span the graph covers, after the server&apos;s name: &quot;Survival · last 50 s&quot;.</extracomment>
        <translation>sur %1&#xa0;s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last %1 min</source>
        <translation>sur %1&#xa0;min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last %1 h</source>
        <translation>sur %1&#xa0;h</translation>
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
        <translation>CPU  %1 (sans limite)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU  %1 of %2</source>
        <extracomment>The CPU panel&apos;s title: %1 the last reading, %2 the server&apos;s limit (&quot;200 %&quot;).</extracomment>
        <translation>CPU  %1 sur %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory  %1 (no limit)</source>
        <extracomment>The memory panel&apos;s title: %1 the last reading (&quot;2.23 GiB&quot;).</extracomment>
        <translation>Mémoire  %1 (sans limite)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory  %1 of %2</source>
        <extracomment>The memory panel&apos;s title: %1 the last reading, %2 the server&apos;s limit (&quot;4 GiB&quot;).</extracomment>
        <translation>Mémoire  %1 sur %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Waiting for data…</source>
        <translation>En attente de données…</translation>
    </message>
</context>
<context>
    <name>CommandHandlers</name>
    <message>
        <location filename="../src/core/bot/CommandHandlers.cpp" line="+43"/>
        <source>State not checked yet</source>
        <translation>État pas encore vérifié</translation>
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
        <translation>Je n’ai pas le droit de publier dans ce salon (Missing Permissions)&#xa0;: l’état de **%1** nécessite ici les permissions Envoyer des messages, Intégrer des liens et Joindre des fichiers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I cannot see this channel (Missing Access), so the status of **%1** cannot be posted here.</source>
        <translation>Je ne peux pas voir ce salon (Missing Access), l’état de **%1** ne peut donc pas être publié ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The status of **%1** could not be posted: %2</source>
        <extracomment>%2 is Discord&apos;s own message, in English.</extracomment>
        <translation>L’état de **%1** n’a pas pu être publié&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Show the panel&apos;s servers and post a live status embed for one</source>
        <extracomment>Description of the /server_status slash command; at most 100 characters.</extracomment>
        <translation>Afficher les serveurs du panel et publier l’embed de statut en direct de l’un d’eux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rebuild every status embed</source>
        <extracomment>Description of the /refresh_embeds slash command; at most 100 characters.</extracomment>
        <translation>Reconstruire tous les embeds de statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete every status embed the bot tracks</source>
        <extracomment>Description of the /purge_embeds slash command; at most 100 characters.</extracomment>
        <translation>Supprimer tous les embeds de statut suivis par le bot</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>I do not know that command.</source>
        <translation>Je ne connais pas cette commande.</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>I cannot list the servers right now. %1</source>
        <extracomment>%1 is why, a whole sentence (&quot;The panel refused the bot&apos;s API key.&quot;).</extracomment>
        <translation>Je ne peux pas lister les serveurs pour le moment. %1</translation>
    </message>
    <message>
        <location line="+230"/>
        <source>I do not know that server (any more). Run /server_status again for a fresh list.</source>
        <translation>Je ne connais pas (ou plus) ce serveur. Relancez /server_status pour obtenir une liste à jour.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Posted the status of **%1** here; it updates by itself.</source>
        <translation>État de **%1** publié ici&#x202f;; il se met à jour tout seul.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There are no status embeds to refresh.</source>
        <translation>Il n’y a aucun embed de statut à actualiser.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refreshing %n status embeds…</source>
        <translation>
            <numerusform>Actualisation de %n embed de statut…</numerusform>
            <numerusform>Actualisation de %n embeds de statut…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Refreshed %1 of %n status embeds.</source>
        <extracomment>%1 how many were refreshed, %n how many are tracked.</extracomment>
        <translation>
            <numerusform>Embed de statut actualisé&#xa0;: %1 sur %n.</numerusform>
            <numerusform>Embeds de statut actualisés&#xa0;: %1 sur %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n had been deleted and are no longer tracked.</source>
        <translation>
            <numerusform>%n avait été supprimé et n’est plus suivi.</numerusform>
            <numerusform>%n avaient été supprimés et ne sont plus suivis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n could not be edited (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n n’a pas pu être modifié (voir le journal du bot).</numerusform>
            <numerusform>%n n’ont pas pu être modifiés (voir le journal du bot).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There are no status embeds to delete.</source>
        <translation>Il n’y a aucun embed de statut à supprimer.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Deleting %n status embeds…</source>
        <translation>
            <numerusform>Suppression de %n embed de statut…</numerusform>
            <numerusform>Suppression de %n embeds de statut…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Deleted %n status embeds.</source>
        <translation>
            <numerusform>%n embed de statut supprimé.</numerusform>
            <numerusform>%n embeds de statut supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n were already gone.</source>
        <translation>
            <numerusform>%n avait déjà disparu.</numerusform>
            <numerusform>%n avaient déjà disparu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n could not be deleted and are still tracked (see the bot&apos;s log).</source>
        <translation>
            <numerusform>%n n’a pas pu être supprimé et reste suivi (voir le journal du bot).</numerusform>
            <numerusform>%n n’ont pas pu être supprimés et restent suivis (voir le journal du bot).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscordSetupPage</name>
    <message>
        <location filename="../ui/DiscordSetupPage.ui" line="+5"/>
        <source>Your Discord bot</source>
        <translation>Votre bot Discord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an application with a bot in the Discord Developer Portal, paste its token here, invite it to your server, then choose the server and the role that may control the game servers.</source>
        <translation>Créez une application avec un bot dans le portail des développeurs Discord, collez son jeton ici, invitez le bot sur votre serveur, puis choisissez le serveur et le rôle autorisé à contrôler les serveurs de jeu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bot &amp;token:</source>
        <translation>&amp;Jeton du bot&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Developer Portal → your application → Bot → Reset Token</source>
        <translation>Portail des développeurs → votre application → Bot → Reset Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Developer Portal</source>
        <translation>Ouvrir le portail des &amp;développeurs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Invite the bot to your server…</source>
        <translation>&amp;Inviter le bot sur votre serveur…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opens Discord&apos;s invite page with the scopes bot and applications.commands and the permissions the bot needs</source>
        <translation>Ouvre la page d’invitation de Discord avec les scopes bot et applications.commands et les permissions dont le bot a besoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the invite link</source>
        <translation>Copier le lien d’invitation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Server:</source>
        <translation>Serv&amp;eur&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask Discord again, after you invited the bot</source>
        <translation>Interroger à nouveau Discord, après avoir invité le bot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Control role:</source>
        <translation>Rôle de &amp;contrôle&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members with this role may press Start, Stop and Restart and run /refresh_embeds and /purge_embeds.</source>
        <translation>Les membres ayant ce rôle peuvent utiliser les boutons Démarrer, Arrêter et Redémarrer ainsi que /refresh_embeds et /purge_embeds.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus role:</source>
        <translation>Rôle de stat&amp;ut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../src/gui/DiscordSetupPage.cpp" line="+24"/>
        <source>View Channel</source>
        <translation>Voir les salons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send Messages</source>
        <translation>Envoyer des messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embed Links</source>
        <translation>Intégrer des liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read Message History</source>
        <translation>Voir les anciens messages</translation>
    </message>
</context>
<context>
    <name>InteractionDelivery</name>
    <message>
        <location filename="../src/core/discord/InteractionDelivery.cpp" line="+129"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
</context>
<context>
    <name>InteractionResponder</name>
    <message>
        <location filename="../src/core/discord/InteractionResponder.cpp" line="+79"/>
        <source>Something went wrong while handling this.</source>
        <translation>Une erreur s’est produite lors du traitement de cette action.</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../ui/LogView.ui" line="+31"/>
        <source>Sho&amp;w:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which log levels the list shows</source>
        <translation>Niveaux de journal affichés dans la liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Info and above</source>
        <translation>Infos et plus graves</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings and above</source>
        <translation>Avertissements et plus graves</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search messages and categories</source>
        <translation>Rechercher dans les messages et les catégories</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Copy every line the list shows to the clipboard</source>
        <translation>Copier toutes les lignes affichées dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;All Shown</source>
        <translation>Copier &amp;les lignes affichées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove every line from the list (the service log is not affected)</source>
        <translation>Retirer toutes les lignes de la liste (le journal du service n’est pas modifié)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clea&amp;r</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected lines to the clipboard</source>
        <translation>Copier les lignes sélectionnées dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Log F&amp;ile</source>
        <translation>&amp;Ouvrir le fichier journal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the log file, which keeps the lines of earlier runs too, in the application your desktop uses for it</source>
        <translation>Ouvrir le fichier journal, qui conserve aussi les lignes des exécutions précédentes, dans l’application que votre bureau associe à ce type de fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Log F&amp;older</source>
        <translation>Ouvrir le &amp;dossier du journal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the folder of the log file and its rotated copies in the file manager</source>
        <translation>Ouvrir le dossier du fichier journal et de ses copies archivées dans le gestionnaire de fichiers</translation>
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
        <translation>&lt;b&gt;Démo&#xa0;:&lt;/b&gt; le bot fonctionne avec un panel simulé et un Discord simulé sur 127.0.0.1. Sélectionnez un embed et cliquez sur &lt;b&gt;Démarrer&lt;/b&gt;, &lt;b&gt;Arrêter&lt;/b&gt; ou &lt;b&gt;Redémarrer&lt;/b&gt; dans l’aperçu, en tant que membre ayant le rôle de contrôle&#x202f;; le panel, l’embed et le graphique suivent.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tracked &amp;embeds</source>
        <translation>&amp;Embeds suivis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter embeds by server, channel or state…</source>
        <translation>Filtrer les embeds par serveur, salon ou état…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Servers</source>
        <translation>&amp;Serveurs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter servers by name, id, node or state…</source>
        <translation>Filtrer les serveurs par nom, identifiant, nœud ou état…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Post status embed…</source>
        <translation>&amp;Publier l’embed de statut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post the selected server&apos;s status embed to a channel (an older one is deleted first)</source>
        <translation>Publier l’embed de statut du serveur sélectionné dans un salon (l’ancien est d’abord supprimé)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Live graph</source>
        <translation>Graphique en direct</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Embed preview</source>
        <translation>Aperçu de l’embed</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Bot</source>
        <translation>&amp;Bot</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Setup assistant…</source>
        <translation>&amp;Assistant de configuration…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk through the panel, the Discord bot and the behaviour again, each checked live</source>
        <translation>Reprendre la configuration du panel, du bot Discord et du comportement, chaque étape étant vérifiée en direct</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh all embeds</source>
        <translation>&amp;Actualiser tous les embeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause updates</source>
        <translation>Mettre en &amp;pause les mises à jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the update cycle: embeds freeze, commands and buttons keep working</source>
        <translation>Suspendre le cycle de mise à jour&#xa0;: les embeds sont figés, les commandes et les boutons continuent de fonctionner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh &amp;now</source>
        <translation>Actualiser &amp;maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open in Discord</source>
        <translation>&amp;Ouvrir dans Discord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop tracking</source>
        <translation>&amp;Ne plus suivre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget this embed; the message stays in Discord, frozen</source>
        <translation>Oublier cet embed&#x202f;; le message reste dans Discord, figé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete embed…</source>
        <translation>&amp;Supprimer l’embed…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Pterodisbot</source>
        <translation>À &amp;propos de Pterodisbot</translation>
    </message>
</context>
<context>
    <name>OutageAlerts</name>
    <message>
        <location filename="../src/core/bot/OutageAlerts.cpp" line="+141"/>
        <source>%1 went offline unexpectedly</source>
        <translation>%1 est passé hors ligne de façon inattendue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is back after %2</source>
        <extracomment>%1 the server, %2 how long it was down (&quot;3 min 12 s&quot;).</extracomment>
        <translation>%1 est de retour après %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel is unreachable; server states are unknown until it answers again</source>
        <translation>Le panel est injoignable&#x202f;; l’état des serveurs reste inconnu jusqu’à ce qu’il réponde à nouveau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The panel is reachable again after %1</source>
        <extracomment>%1 how long the panel was unreachable (&quot;3 min 12 s&quot;).</extracomment>
        <translation>Le panel est de nouveau joignable après %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>less than 1 s</source>
        <translation>moins d’une seconde</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 d</source>
        <extracomment>Days of a duration (&quot;3 d 4 h&quot;).</extracomment>
        <translation>%1&#xa0;j</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <extracomment>Hours of a duration (&quot;2 h 5 min&quot;).</extracomment>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <extracomment>Minutes of a duration (&quot;3 min 12 s&quot;).</extracomment>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <extracomment>Seconds of a duration (&quot;45 s&quot;).</extracomment>
        <translation>%1&#xa0;s</translation>
    </message>
</context>
<context>
    <name>PanelSetupPage</name>
    <message>
        <location filename="../ui/PanelSetupPage.ui" line="+5"/>
        <source>Your panel</source>
        <translation>Votre panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address of your Pterodactyl or Pelican panel and an API key the bot uses to read and control your servers.</source>
        <translation>L’adresse de votre panel Pterodactyl ou Pelican et une clé API que le bot utilise pour lire et contrôler vos serveurs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Panel &amp;address:</source>
        <translation>&amp;Adresse du panel&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://panel.example.com</source>
        <translation>https://panel.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client key:</source>
        <translation>Clé API &amp;client&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ptlc_… (Pterodactyl) or pacc_… (Pelican)</source>
        <translation>ptlc_… (Pterodactyl) ou pacc_… (Pelican)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the panel: your account → API Credentials → create a key. It acts as you: the bot sees the servers you see.</source>
        <translation>Dans le panel&#xa0;: votre compte → API Credentials → créez une clé. Elle agit en votre nom&#xa0;: le bot voit les serveurs que vous voyez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Application key:</source>
        <translation>Clé API d’app&amp;lication&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: ptla_… or papp_…</source>
        <translation>facultative&#xa0;: ptla_… ou papp_…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, from the admin area → Application API. It adds node names for every server and totals over the whole panel.</source>
        <translation>Facultative, à créer dans l’espace d’administration → Application API. Elle ajoute le nom du nœud de chaque serveur et des totaux sur l’ensemble du panel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;heck the panel</source>
        <translation>&amp;Vérifier le panel</translation>
    </message>
</context>
<context>
    <name>PowerButtons</name>
    <message>
        <location filename="../src/core/bot/PowerButtons.cpp" line="+35"/>
        <source>Start sent to **%1**</source>
        <translation>Démarrage envoyé à **%1**</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sent to **%1**</source>
        <translation>Arrêt envoyé à **%1**</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart sent to **%1**</source>
        <translation>Redémarrage envoyé à **%1**</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>offline</source>
        <comment>power state</comment>
        <extracomment>The state a server is in, ending &quot;… the panel still reports it %2&quot; and &quot;it is %2&quot;.</extracomment>
        <translation>hors ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <comment>power state</comment>
        <translation>en cours de démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <comment>power state</comment>
        <translation>en marche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping</source>
        <comment>power state</comment>
        <translation>en cours d’arrêt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <comment>power state</comment>
        <translation>dans un état inconnu</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1; the panel still reports it %2 (its status can lag up to 20 s), the embed follows.</source>
        <extracomment>%1 &quot;Start sent to **Survival**&quot;, %2 the state the panel still reports (&quot;offline&quot;).</extracomment>
        <translation>%1&#x202f;; le panel l’indique encore %2 (son état peut avoir jusqu’à 20&#xa0;s de retard), l’embed suivra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — it is %2.</source>
        <extracomment>%1 &quot;Start sent to **Survival**&quot;, %2 the state it is in now (&quot;starting&quot;).</extracomment>
        <translation>%1 — il est %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the panel says the server is busy (suspended, installing or transferring)</source>
        <extracomment>The end of &quot;Could not start **Survival**: …&quot;.</extracomment>
        <translation>le panel indique que le serveur est occupé (suspendu, en cours d’installation ou de transfert)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel says: %1</source>
        <extracomment>%1 is the panel&apos;s own message, in the panel&apos;s language.</extracomment>
        <translation>le panel répond&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its node (Wings) is not answering</source>
        <translation>son nœud (Wings) ne répond pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel refused the bot&apos;s API key</source>
        <translation>le panel a refusé la clé API du bot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel is rate limiting the bot; try again in a minute</source>
        <translation>le panel limite le débit des requêtes du bot&#x202f;; réessayez dans une minute</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel does not know that server any more</source>
        <translation>le panel ne connaît plus ce serveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel did not answer in time; the action may still happen</source>
        <translation>le panel n’a pas répondu à temps&#x202f;; l’action peut encore avoir lieu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the panel is not answering</source>
        <translation>le panel ne répond pas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not start **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>Impossible de démarrer **%1**&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not stop **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>Impossible d’arrêter **%1**&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not restart **%1**: %2</source>
        <extracomment>%1 the server, %2 why (ends with a full stop).</extracomment>
        <translation>Impossible de redémarrer **%1**&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>That server has no status embed here any more.</source>
        <translation>Ce serveur n’a plus d’embed de statut ici.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This button does not belong to that server&apos;s status embed.</source>
        <translation>Ce bouton n’appartient pas à l’embed de statut de ce serveur.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No address is known for **%1**.</source>
        <translation>Aucune adresse n’est connue pour **%1**.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The bot is not connected to the panel.</source>
        <translation>Le bot n’est pas connecté au panel.</translation>
    </message>
</context>
<context>
    <name>PowerCooldown</name>
    <message>
        <location filename="../src/core/bot/PowerCooldown.cpp" line="+18"/>
        <source>this server</source>
        <translation>ce serveur</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>A power action was just sent to %1. Please wait %n s before sending another.</source>
        <extracomment>%1 the server&apos;s name (or &quot;this server&quot;), %n the seconds left.</extracomment>
        <translation>
            <numerusform>Une action vient d’être envoyée à %1. Veuillez patienter %n&#xa0;s avant d’en envoyer une autre.</numerusform>
            <numerusform>Une action vient d’être envoyée à %1. Veuillez patienter %n&#xa0;s avant d’en envoyer une autre.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::BehaviourSetupPage</name>
    <message>
        <location filename="../src/gui/BehaviourSetupPage.cpp" line="+19"/>
        <source>Polling the panel (default)</source>
        <translation>Interrogation périodique du panel (par défaut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wings websocket (live)</source>
        <translation>Websocket Wings (en direct)</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>How often the bot reads the panel. 10 s is the default: graphs of the recent samples, and an embed is edited only when something changed (now: every %n s).</source>
        <translation>
            <numerusform>Fréquence à laquelle le bot lit le panel. 10&#xa0;s par défaut&#xa0;: les graphiques montrent les derniers relevés et un embed n’est modifié que si quelque chose a changé (actuellement&#xa0;: toutes les %n&#xa0;s).</numerusform>
            <numerusform>Fréquence à laquelle le bot lit le panel. 10&#xa0;s par défaut&#xa0;: les graphiques montrent les derniers relevés et un embed n’est modifié que si quelque chose a changé (actuellement&#xa0;: toutes les %n&#xa0;s).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live statistics from each tracked server&apos;s Wings websocket: state changes show at once; needs the panel&apos;s websocket to be reachable from here.</source>
        <translation>Statistiques en direct via le websocket Wings de chaque serveur suivi&#xa0;: les changements d’état s’affichent immédiatement&#x202f;; le websocket du panel doit être joignable depuis cette machine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The default: the bot asks the panel every interval; a real panel caches answers for 20 s, so a start or stop may show a little late.</source>
        <translation>Par défaut&#xa0;: le bot interroge le panel à chaque intervalle&#x202f;; un vrai panel garde ses réponses en cache 20&#xa0;s, un démarrage ou un arrêt peut donc apparaître avec un peu de retard.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::DesktopFace</name>
    <message>
        <location filename="../src/gui/DesktopFace.cpp" line="+35"/>
        <source>Pterodisbot keeps running</source>
        <translation>Pterodisbot continue de fonctionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot keeps your embeds up to date in the background. Open the window from the tray icon; Quit there stops the bot.</source>
        <translation>Le bot tient vos embeds à jour en arrière-plan. Rouvrez la fenêtre depuis l’icône de la zone de notification&#x202f;; la commande Quitter de son menu arrête le bot.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::DiscordSetupPage</name>
    <message>
        <location filename="../src/gui/DiscordSetupPage.cpp" line="+68"/>
        <source>Asking Discord who this token is…</source>
        <translation>Vérification du jeton auprès de Discord…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discord knows this token: the bot %1 (application %2).</source>
        <translation>Discord reconnaît ce jeton&#xa0;: le bot %1 (application %2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Listing the servers the bot is in…</source>
        <translation>Recherche des serveurs où se trouve le bot…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The bot is in no server yet.</source>
        <translation>Le bot n’est encore sur aucun serveur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite it with the button above, then press Refresh.</source>
        <translation>Invitez-le avec le bouton ci-dessus, puis cliquez sur Actualiser.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the server&apos;s roles…</source>
        <translation>Lecture des rôles du serveur…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anyone in the server</source>
        <translation>Tout le monde sur le serveur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bot lacks these permissions in this server: %1.</source>
        <translation>Il manque au bot ces permissions sur ce serveur&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invite it again with the button above, or give its role these permissions in Server Settings → Roles.</source>
        <translation>Invitez-le de nouveau avec le bouton ci-dessus, ou accordez ces permissions à son rôle dans Paramètres du serveur → Rôles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This server has no role to choose.</source>
        <translation>Ce serveur n’a aucun rôle à choisir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a role for the members who may control the game servers (Server Settings → Roles), then press Refresh.</source>
        <translation>Créez un rôle pour les membres autorisés à contrôler les serveurs de jeu (Paramètres du serveur → Rôles), puis cliquez sur Actualiser.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot is in this server with the permissions it needs.</source>
        <translation>Le bot est sur ce serveur avec les permissions nécessaires.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::EmbedPreview</name>
    <message numerus="yes">
        <location filename="../src/gui/EmbedPreview.cpp" line="+104"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <location line="+416"/>
        <source>The image is not available in the preview</source>
        <translation>L’image n’est pas disponible dans l’aperçu</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Make a selection</source>
        <translation>Faites une sélection</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No message to preview</source>
        <translation>Aucun message à prévisualiser</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Pterodisbot</source>
        <translation>Pterodisbot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APP</source>
        <translation>APPLI</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The embeds of this message are hidden</source>
        <translation>Les embeds de ce message sont masqués</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message has no embed</source>
        <translation>Ce message ne contient aucun embed</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>A link button: Discord opens its address</source>
        <translation>Bouton de lien&#xa0;: Discord ouvre son adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press to send this button to the bot, as a member with the control role</source>
        <translation>Cliquez pour envoyer ce bouton au bot, en tant que membre ayant le rôle de contrôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press this button in Discord to use it</source>
        <translation>Cliquez sur ce bouton dans Discord pour l’utiliser</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::EmbedTableModel</name>
    <message>
        <location filename="../src/gui/EmbedTableModel.cpp" line="+142"/>
        <source>Message %1 in channel %2</source>
        <translation>Message %1 dans le salon %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 %</source>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Salon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last edit</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next refresh</source>
        <translation>Prochaine actualisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::FinishSetupPage</name>
    <message>
        <location filename="../src/gui/FinishSetupPage.cpp" line="+20"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and start</source>
        <translation>Enregistrer et démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your secrets go to the system&apos;s keychain, the rest to the configuration file; then the bot starts.</source>
        <translation>Vos secrets vont dans le trousseau du système, le reste dans le fichier de configuration&#x202f;; puis le bot démarre.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Panel:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Discord server:&lt;/b&gt; %2, control role %3&lt;br&gt;&lt;b&gt;Updates:&lt;/b&gt; every %4 s, statistics by %5, alerts %6&lt;br&gt;&lt;b&gt;Configuration file:&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;Panel&#xa0;:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Serveur Discord&#xa0;:&lt;/b&gt; %2, rôle de contrôle %3&lt;br&gt;&lt;b&gt;Mises à jour&#xa0;:&lt;/b&gt; toutes les %4&#xa0;s, statistiques par %5, alertes %6&lt;br&gt;&lt;b&gt;Fichier de configuration&#xa0;:&lt;/b&gt; %7</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>websocket</source>
        <translation>websocket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polling</source>
        <translation>interrogation périodique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>désactivées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Storing the secrets in the keychain…</source>
        <translation>Enregistrement des secrets dans le trousseau…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token and the panel keys are in the keychain.</source>
        <translation>Le jeton et les clés du panel sont dans le trousseau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain answered%1: the secrets go into the configuration file instead, readable only by you (mode 0600).</source>
        <translation>Aucun trousseau n’a répondu%1&#xa0;: les secrets sont enregistrés à la place dans le fichier de configuration, lisible par vous seul (mode 0600).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anyone who can log in as you can read them there; a keychain (GNOME Keyring, KWallet) keeps them safer.</source>
        <translation>Quiconque peut se connecter avec votre compte peut les y lire&#x202f;; un trousseau (GNOME Keyring, KWallet) les protège mieux.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make the folder writable for your user (or free space on its disk), then try again; or start pterodisbot with --config and a file in a folder you can write.</source>
        <translation>Rendez le dossier accessible en écriture pour votre utilisateur (ou libérez de l’espace sur son disque), puis réessayez&#x202f;; ou lancez pterodisbot avec --config et un fichier dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Configuration written to %1.</source>
        <translation>Configuration écrite dans %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press &lt;b&gt;Finish&lt;/b&gt; to start the bot; the window shows it connecting.</source>
        <translation>Cliquez sur &lt;b&gt;Terminer&lt;/b&gt; pour démarrer le bot&#x202f;; la fenêtre montre ensuite sa connexion.</translation>
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
        <translation>CPU  %1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU  %1 (no limit)</source>
        <translation>CPU  %1 (sans limite)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory  %1 of %2</source>
        <translation>Mémoire  %1 sur %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory  %1 (no limit)</source>
        <translation>Mémoire  %1 (sans limite)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>last %1 s</source>
        <translation>sur %1&#xa0;s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last %1 min</source>
        <translation>sur %1&#xa0;min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last %1 h</source>
        <translation>sur %1&#xa0;h</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>Waiting for data…</source>
        <translation>En attente de données…</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LogModel</name>
    <message>
        <location filename="../src/gui/LogModel.cpp" line="+221"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::LogView</name>
    <message>
        <location filename="../src/gui/LogView.cpp" line="+261"/>
        <source>Log File</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No application could open it. The log file is:
%1</source>
        <translation>Aucune application n’a pu l’ouvrir. Le fichier journal se trouve ici&#xa0;:
%1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 of %n line(s)</source>
        <translation>
            <numerusform>%1 sur %n ligne</numerusform>
            <numerusform>%1 sur %n lignes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pterodisbot::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+229"/>
        <source>&amp;Log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Live graph</source>
        <translation>Graphique en direct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a server to see its CPU and memory</source>
        <translation>Sélectionnez un serveur pour voir son utilisation du CPU et de la mémoire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live graph: %1</source>
        <translation>Graphique en direct&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Embed preview</source>
        <translation>Aperçu de l’embed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a tracked embed to see it as Discord shows it</source>
        <translation>Sélectionnez un embed suivi pour le voir tel que Discord l’affiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server has no tracked embed: post one with &quot;Post status embed&quot; or /server_status in Discord</source>
        <translation>Ce serveur n’a aucun embed suivi&#xa0;: publiez-en un avec «&#xa0;Publier l’embed de statut&#xa0;» ou avec /server_status dans Discord</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embed preview: #%1</source>
        <translation>Aperçu de l’embed&#xa0;: #%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot has not written this embed since it started; it will at the next refresh (%1)</source>
        <translation>Le bot n’a pas encore écrit cet embed depuis son démarrage&#x202f;; il le fera à la prochaine actualisation (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>first cycle</source>
        <translation>premier cycle</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pterodisbot — starting</source>
        <translation>Pterodisbot — démarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discord: not connected</source>
        <translation>Discord&#xa0;: non connecté</translation>
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
        <translation>Discord&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Discord: connected · heartbeat %1 ms</source>
        <translation>Discord&#xa0;: connecté · latence %1&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Panel: reachable · %n request(s) left this minute</source>
        <translation>
            <numerusform>Panel&#xa0;: joignable · %n requête restante pour cette minute</numerusform>
            <numerusform>Panel&#xa0;: joignable · %n requêtes restantes pour cette minute</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Panel: unreachable · %1</source>
        <translation>Panel&#xa0;: injoignable · %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;The bot stopped and needs you:&lt;/b&gt; %1&lt;br&gt;Fix it, then start Pterodisbot again. &lt;a href=&quot;https://discord.com/developers/applications&quot;&gt;Discord Developer Portal&lt;/a&gt;</source>
        <translation>&lt;b&gt;Le bot s’est arrêté et a besoin de vous&#xa0;:&lt;/b&gt; %1&lt;br&gt;Corrigez le problème, puis redémarrez Pterodisbot. &lt;a href=&quot;https://discord.com/developers/applications&quot;&gt;Portail des développeurs Discord&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Updates paused</source>
        <translation>Mises à jour en pause</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Next update in %n s</source>
        <translation>
            <numerusform>Prochaine mise à jour dans %n&#xa0;s</numerusform>
            <numerusform>Prochaine mise à jour dans %n&#xa0;s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+7"/>
        <source>Post status embed</source>
        <translation>Publier l’embed de statut</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Channel id to post the status embed of %1 in:</source>
        <translation>Identifiant du salon où publier l’embed de statut de %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a channel id. In Discord, turn on Developer Mode (User Settings → Advanced), right-click the channel and choose Copy Channel ID.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant de salon. Dans Discord, activez le mode développeur (Paramètres utilisateur → Avancés), faites un clic droit sur le salon et choisissez «&#xa0;Copier l’identifiant du salon&#xa0;».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Posting the status embed of %1…</source>
        <translation>Publication de l’embed de statut de %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete embed</source>
        <translation>Supprimer l’embed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the status embed of %1 from Discord? The message is removed from the channel and the bot stops updating it.</source>
        <translation>Supprimer de Discord l’embed de statut de %1&#x202f;? Le message est retiré du salon et le bot cesse de le mettre à jour.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>About Pterodisbot</source>
        <translation>À propos de Pterodisbot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Pterodisbot %1&lt;/h3&gt;&lt;p&gt;A Discord bot for Pterodactyl and Pelican panels: status embeds with live graphs and power buttons for your game servers.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pterodisbot %1&lt;/h3&gt;&lt;p&gt;Un bot Discord pour les panels Pterodactyl et Pelican&#xa0;: des embeds de statut avec graphiques en direct et des boutons pour démarrer, arrêter et redémarrer vos serveurs de jeu.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::PanelSetupPage</name>
    <message>
        <location filename="../src/gui/PanelSetupPage.cpp" line="+86"/>
        <source>Asking the panel…</source>
        <translation>Interrogation du panel…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking the application key…</source>
        <translation>Vérification de la clé d’application…</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::ServerTableModel</name>
    <message>
        <location filename="../src/gui/ServerTableModel.cpp" line="+158"/>
        <source>%1 %</source>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tracked</source>
        <translation>suivi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
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
        <translation>Paramètres de Pterodisbot</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Test pa&amp;nel</source>
        <translation>Tester le pa&amp;nel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test D&amp;iscord</source>
        <translation>Tester D&amp;iscord</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged: %1 (%2)</source>
        <translation>inchangé&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>From the environment (%1), which overrides what you edit here.</source>
        <translation>Valeur issue de l’environnement (%1), prioritaire sur ce que vous saisissez ici.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now from: %1.</source>
        <translation>Source actuelle&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking the panel…</source>
        <translation>Interrogation du panel…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Asking Discord…</source>
        <translation>Interrogation de Discord…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discord accepts the token of %1.</source>
        <translation>Discord accepte le jeton de %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings have errors (shown under their fields).</source>
        <translation>Les paramètres contiennent des erreurs (indiquées sous les champs concernés).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Saved. The new data folder takes effect after a restart; the rest applies now.</source>
        <translation>Enregistré. Le nouveau dossier de données sera pris en compte au prochain redémarrage&#x202f;; le reste s’applique dès maintenant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved and applied.</source>
        <translation>Enregistré et appliqué.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::SetupDialogue</name>
    <message>
        <location filename="../src/core/setup/SetupDialogue.cpp" line="+88"/>
        <source>a number from 1 to %1</source>
        <translation>un nombre de 1 à %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, or Enter for none</source>
        <translation>, ou Entrée pour aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, or %1 to list them again</source>
        <translation>, ou %1 pour les afficher à nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not on the list.</source>
        <translation>%1 ne figure pas dans la liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type %1.</source>
        <translation>Tapez %1.</translation>
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
        <translation>Configuration de Pterodisbot&#xa0;: quatre étapes&#x202f;; chaque réponse est vérifiée immédiatement. Ctrl+D quitte sans rien écrire.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Step 1 of 4: the panel</source>
        <translation>
Étape 1 sur 4&#xa0;: le panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panel address (e.g. https://panel.example.com): </source>
        <translation>Adresse du panel (p. ex. https://panel.example.com)&#xa0;: </translation>
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
        <translation>Clé API client (ptlc_… ou pacc_…&#x202f;; masquée&#x202f;; Entrée seule pour changer l’adresse)&#xa0;: </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>  Asking the panel…</source>
        <translation>  Interrogation du panel…</translation>
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
        <translation>Clé API d’application (facultative, ptla_… ou papp_…, pour les détails des nœuds et les totaux du panel&#x202f;; masquée&#x202f;; Entrée pour passer)&#xa0;: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  Checking the application key…</source>
        <translation>  Vérification de la clé d’application…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>
Step 2 of 4: Discord
The bot&apos;s token is on https://discord.com/developers/applications → your application → Bot.</source>
        <translation>
Étape 2 sur 4&#xa0;: Discord
Le jeton du bot se trouve sur https://discord.com/developers/applications → votre application → Bot.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bot token (hidden): </source>
        <translation>Jeton du bot (masqué)&#xa0;: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  Asking Discord who this token is…</source>
        <translation>  Vérification du jeton auprès de Discord…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  ✓ Discord knows this token: the bot %1 (application %2).</source>
        <translation>  ✓ Discord reconnaît ce jeton&#xa0;: le bot %1 (application %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Invite the bot to your Discord server with this link (open it in a browser):
  %1</source>
        <translation>
Invitez le bot sur votre serveur Discord avec ce lien (ouvrez-le dans un navigateur)&#xa0;:
  %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Enter once the bot is in your server: </source>
        <translation>Appuyez sur Entrée une fois le bot arrivé sur votre serveur&#xa0;: </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Press Enter to try again: </source>
        <translation>Appuyez sur Entrée pour réessayer&#xa0;: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bot is in no server yet.</source>
        <translation>Le bot n’est encore sur aucun serveur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite it with the link above, then press Enter.</source>
        <translation>Invitez-le avec le lien ci-dessus, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Enter to look again: </source>
        <translation>Appuyez sur Entrée pour vérifier à nouveau&#xa0;: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The servers the bot is in:</source>
        <translation>Serveurs où se trouve le bot&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server number (r = refresh): </source>
        <translation>Numéro du serveur (r = actualiser)&#xa0;: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  Reading the server&apos;s roles…</source>
        <translation>  Lecture des rôles du serveur…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server has no role to choose.</source>
        <translation>Ce serveur n’a aucun rôle à choisir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a role for the members who may control the game servers (Server Settings → Roles), then type r.</source>
        <translation>Créez un rôle pour les membres autorisés à contrôler les serveurs de jeu (Paramètres du serveur → Rôles), puis tapez r.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ! The bot lacks these permissions in this server: %1.
    Invite it again with the link above, or give its role these permissions in Server Settings → Roles.</source>
        <translation>  ! Il manque au bot ces permissions sur ce serveur&#xa0;: %1.
    Invitez-le de nouveau avec le lien ci-dessus, ou accordez ces permissions à son rôle dans Paramètres du serveur → Rôles.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ✓ The bot is in this server with the permissions it needs.</source>
        <translation>  ✓ Le bot est sur ce serveur avec les permissions nécessaires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its roles:</source>
        <translation>Rôles du serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Control role number (who may start, stop and restart servers): </source>
        <translation>Numéro du rôle de contrôle (qui peut démarrer, arrêter et redémarrer les serveurs)&#xa0;: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status role number (who may use /server_status; Enter = anyone in the server): </source>
        <translation>Numéro du rôle de statut (qui peut utiliser /server_status&#x202f;; Entrée = tout le monde sur le serveur)&#xa0;: </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No alert channel for now; set discord.alert_channel_id later.</source>
        <translation>Pas de salon d’alertes pour l’instant&#x202f;; définissez discord.alert_channel_id plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its text channels:</source>
        <translation>Salons textuels du serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alert channel number (Enter = no alerts): </source>
        <translation>Numéro du salon d’alertes (Entrée = pas d’alertes)&#xa0;: </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Step 3 of 4: updates</source>
        <translation>
Étape 3 sur 4&#xa0;: mises à jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seconds between updates (%1 to %2; Enter = %3): </source>
        <translation>Secondes entre deux mises à jour (%1 à %2&#x202f;; Entrée = %3)&#xa0;: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a whole number of seconds</source>
        <translation>%1 n’est pas un nombre entier de secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a value from %1 to %2 (default %3)</source>
        <translation>saisissez une valeur de %1 à %2 (%3 par défaut)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Statistics by %1 (Enter = %2): </source>
        <translation>Statistiques par %1 (Entrée = %2)&#xa0;: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not one of %2.</source>
        <translation>%1 ne fait pas partie des valeurs possibles&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poll asks the panel every interval; websocket reads live statistics from Wings.</source>
        <translation>poll interroge le panel à chaque intervalle&#x202f;; websocket lit les statistiques en direct depuis Wings.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>
Step 4 of 4: saving</source>
        <translation>
Étape 4 sur 4&#xa0;: enregistrement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  Storing the secrets in the keychain…</source>
        <translation>  Enregistrement des secrets dans le trousseau…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>  ✓ The token and the panel keys are in the keychain.</source>
        <translation>  ✓ Le jeton et les clés du panel sont dans le trousseau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  ! No keychain answered%1: the secrets go into the configuration file instead, readable only by you (mode 0600).</source>
        <translation>  ! Aucun trousseau n’a répondu%1&#xa0;: les secrets sont enregistrés à la place dans le fichier de configuration, lisible par vous seul (mode 0600).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make the folder writable for your user (or free space on its disk), or choose a file in a folder you can write with --config, then run pterodisbot --setup again.</source>
        <translation>Rendez le dossier accessible en écriture pour votre utilisateur (ou libérez de l’espace sur son disque), ou choisissez avec --config un fichier dans un dossier où vous pouvez écrire, puis relancez pterodisbot --setup.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  ✓ Configuration written to %1.

Next: pterodisbot --check-config%2 checks it once more; then pterodisbot --no-gui%2 starts the bot.</source>
        <translation>  ✓ Configuration écrite dans %1.

Ensuite&#xa0;: pterodisbot --check-config%2 la vérifie une dernière fois&#x202f;; puis pterodisbot --no-gui%2 démarre le bot.</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::SetupWizard</name>
    <message>
        <location filename="../src/gui/SetupWizard.cpp" line="+20"/>
        <source>Set up Pterodisbot</source>
        <translation>Configurer Pterodisbot</translation>
    </message>
</context>
<context>
    <name>Pterodisbot::TrayIcon</name>
    <message>
        <location filename="../src/gui/TrayIcon.cpp" line="+16"/>
        <source>&amp;Show Pterodisbot</source>
        <translation>&amp;Afficher Pterodisbot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause updates</source>
        <translation>Mettre en &amp;pause les mises à jour</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Refresh all embeds</source>
        <translation>Actualiser &amp;tous les embeds</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pterodisbot alert</source>
        <translation>Alerte Pterodisbot</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not running</source>
        <translation>Non démarré</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/app/main.cpp" line="+243"/>
        <source>&lt;b&gt;The bot cannot run.&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;The setup assistant (File → Setup assistant) walks you through every value and checks it; &lt;tt&gt;pterodisbot --check-config&lt;/tt&gt; lists the same problems, and &lt;tt&gt;pterodisbot --demo&lt;/tt&gt; shows the bot against simulators.</source>
        <translation>&lt;b&gt;Le bot ne peut pas fonctionner.&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;L’assistant de configuration (Fichier → Assistant de configuration) vous guide à travers chaque valeur et la vérifie&#x202f;; &lt;tt&gt;pterodisbot --check-config&lt;/tt&gt; liste les mêmes problèmes, et &lt;tt&gt;pterodisbot --demo&lt;/tt&gt; montre le bot face à des simulateurs.</translation>
    </message>
</context>
<context>
    <name>ServerStatusMenu</name>
    <message numerus="yes">
        <location filename="../src/core/bot/ServerStatusMenu.cpp" line="+55"/>
        <source>**%n** servers · %1 **%2** running · %3 **%4** offline · %5 **%6** unreachable</source>
        <extracomment>%n servers in all; %1, %3, %5 are emojis, %2 running, %4 offline, %6 unreachable.</extracomment>
        <translation>
            <numerusform>**%n** serveur · %1 **%2** en marche · %3 **%4** hors ligne · %5 **%6** sans réponse</numerusform>
            <numerusform>**%n** serveurs · %1 **%2** en marche · %3 **%4** hors ligne · %5 **%6** sans réponse</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>**%1** other</source>
        <translation>**%1** dans un autre état</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>**%1** not checked yet</source>
        <translation>**%1** en attente de vérification</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The panel lists no servers for this key.</source>
        <translation>Le panel ne liste aucun serveur pour cette clé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a server to post its status here (page %1 of %2):</source>
        <translation>Choisissez un serveur pour publier son état ici (page %1 sur %2)&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a server to post its status here:</source>
        <translation>Choisissez un serveur pour publier son état ici&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server…</source>
        <extracomment>Placeholder of the server menu.</extracomment>
        <translation>Serveur…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Previous</source>
        <comment>page button</comment>
        <translation>Précédent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next</source>
        <comment>page button</comment>
        <translation>Suivant</translation>
    </message>
</context>
<context>
    <name>StateAppearance</name>
    <message>
        <location filename="../src/gui/StateAppearance.cpp" line="+42"/>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installing</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>disconnected</source>
        <extracomment>The state of the connection to Discord, after &quot;Discord: &quot; in the status bar.</extracomment>
        <translation>déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>identifying</source>
        <translation>identification…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resuming</source>
        <translation>reprise…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting to reconnect</source>
        <translation>reconnexion en attente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
</context>
<context>
    <name>StatusEmbed</name>
    <message>
        <location filename="../src/core/bot/StatusEmbed.cpp" line="+133"/>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Installing</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (install failed)</source>
        <translation>Indisponible (échec de l’installation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (restoring backup)</source>
        <translation>Indisponible (restauration d’une sauvegarde)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (transferring)</source>
        <translation>Indisponible (transfert en cours)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unavailable (node under maintenance)</source>
        <translation>Indisponible (nœud en maintenance)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Last update · %1</source>
        <extracomment>Footer of the status embed, before Discord&apos;s own time stamp; %1 is the server&apos;s id.</extracomment>
        <translation>Dernière mise à jour · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last heard from &lt;t:%1:R&gt;.</source>
        <extracomment>Discord shows &lt;t:…:R&gt; as a relative time (&quot;5 minutes ago&quot;) in the reader&apos;s language.</extracomment>
        <translation>Dernier signe de vie &lt;t:%1:R&gt;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panel unreachable</source>
        <translation>Panel injoignable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Disk</source>
        <translation>Disque</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uptime</source>
        <translation>En marche depuis</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Start</source>
        <comment>button</comment>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <comment>button</comment>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart</source>
        <comment>button</comment>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Address</source>
        <comment>button</comment>
        <translation>Afficher l’adresse</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The server&apos;s node (Wings) is not answering.</source>
        <translation>Le nœud du serveur (Wings) ne répond pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel refused the bot&apos;s API key.</source>
        <translation>Le panel a refusé la clé API du bot.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel is rate limiting the bot.</source>
        <translation>Le panel limite le débit des requêtes du bot.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel answered with an error (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code such as 502.</extracomment>
        <translation>Le panel a répondu par une erreur (HTTP %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel&apos;s answer could not be read.</source>
        <translation>La réponse du panel est illisible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel is not answering (timed out).</source>
        <translation>Le panel ne répond pas (délai dépassé).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel&apos;s TLS certificate is not accepted.</source>
        <translation>Le certificat TLS du panel n’est pas accepté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The panel is not answering.</source>
        <translation>Le panel ne répond pas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 B</source>
        <extracomment>Units of data sizes; French writes o, Kio, Mio, Gio.</extracomment>
        <translation>%1&#xa0;o</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 GiB</source>
        <translation>%1&#xa0;Gio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 MiB</source>
        <translation>%1&#xa0;Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1&#xa0;Kio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 cores</source>
        <extracomment>How many CPU cores the server keeps busy, e.g. &quot;1.50 cores&quot;.</extracomment>
        <translation>%1 cœurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 (no limit)</source>
        <extracomment>CPU use of a server without a CPU limit: %1 the percentage, %2 the cores.</extracomment>
        <translation>%1 · %2 (sans limite)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of its %2 % limit · %3</source>
        <extracomment>%1 the share of the limit (a percentage), %2 the limit in percent of one core (200 = two cores), %3 the cores in use.</extracomment>
        <translation>%1 de sa limite de %2&#x202f;% · %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (no limit)</source>
        <extracomment>%1 is an amount such as &quot;1.2 GiB&quot;.</extracomment>
        <translation>%1 (sans limite)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 / %2 (%3 %)</source>
        <extracomment>Memory or disk use: %1 used, %2 the limit, %3 the used share in percent.</extracomment>
        <translation>%1 / %2 (%3&#x202f;%)</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../src/core/i18n/Wording.cpp" line="+61"/>
        <source>%1 %</source>
        <extracomment>A percentage; %1 is the number. Put the space your language writes before the sign, preferably a no-break one (French: narrow no-break space U+202F, German: U+00A0).</extracomment>
        <translation>%1&#x202f;%</translation>
    </message>
</context>
</TS>
