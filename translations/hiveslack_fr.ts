<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Bridge::ConnectionTester</name>
    <message>
        <location filename="../bridge/admin/connectiontester.cpp" line="+86"/>
        <source>cannot connect to %1: no answer within %2 seconds</source>
        <translation>connexion impossible à %1&#xa0;: aucune réponse en %2 secondes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot connect to %1: %2</source>
        <translation>connexion impossible à %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the TheHive URL must start with http:// or https://</source>
        <translation>l&apos;URL de TheHive doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no API key: type the key of TheHive&apos;s HiveSlack user</source>
        <translation>aucune clé d&apos;API&#xa0;: saisissez la clé de l&apos;utilisateur HiveSlack de TheHive</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>it answered without a TheHive version</source>
        <translation>il a répondu sans version de TheHive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it answered HTTP %1</source>
        <translation>il a répondu HTTP %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a TheHive server: %1 has no TheHive status page (%2)</source>
        <translation>pas un serveur TheHive&#xa0;: %1 n&apos;a pas de page d&apos;état TheHive (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TheHive %1 is too old: HiveSlack works with TheHive 4 and 5</source>
        <translation>TheHive %1 est trop ancien&#xa0;: HiveSlack fonctionne avec TheHive 4 et 5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>wrong API key: TheHive %1 refused it</source>
        <translation>clé d&apos;API incorrecte&#xa0;: TheHive %1 l&apos;a refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong API key, or its user is not in organisation &quot;%1&quot;: TheHive %2 refused it</source>
        <translation>clé d&apos;API incorrecte, ou son utilisateur n&apos;est pas dans l&apos;organisation «&#xa0;%1&#xa0;»&#xa0;: TheHive %2 l&apos;a refusée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TheHive refused the API key&apos;s user: %1</source>
        <translation>TheHive a refusé l&apos;utilisateur de la clé d&apos;API&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive refused the API key&apos;s user in organisation &quot;%1&quot;: %2</source>
        <translation>TheHive a refusé l&apos;utilisateur de la clé d&apos;API dans l&apos;organisation «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TheHive could not tell who the API key belongs to: %1</source>
        <translation>TheHive n&apos;a pas pu indiquer à qui appartient la clé d&apos;API&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the API key&apos;s user %1 is not in organisation &quot;%2&quot; (only in: %3)</source>
        <translation>l&apos;utilisateur %1 de la clé d&apos;API n&apos;est pas dans l&apos;organisation «&#xa0;%2&#xa0;» (seulement dans&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the Slack API URL must start with http:// or https://</source>
        <translation>l&apos;URL de l&apos;API Slack doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no bot token: type the app&apos;s Bot User OAuth Token (xoxb-…)</source>
        <translation>aucun jeton de bot&#xa0;: saisissez le Bot User OAuth Token de l&apos;application (xoxb-…)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this is a user token (of %1), not a bot token: use the app&apos;s Bot User OAuth Token (xoxb-…)</source>
        <translation>ceci est un jeton utilisateur (de %1), pas un jeton de bot&#xa0;: utilisez le Bot User OAuth Token de l&apos;application (xoxb-…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a Slack Web API: %1 gave an %2</source>
        <translation>pas une API Web Slack&#xa0;: %1 a renvoyé %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not an app-level token (xapp-…)</source>
        <translation>pas un jeton d’application (xapp-…)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Slack refuses the app-level token: it needs the connections:write scope and Socket Mode on (Slack: %1)</source>
        <translation>Slack refuse le jeton d’application&#xa0;: il lui faut le scope connections:write et le Socket Mode activé (Slack&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the bot token is not valid: copy the Bot User OAuth Token (xoxb-…) from the app&apos;s &quot;OAuth &amp; Permissions&quot; page (Slack: invalid_auth)</source>
        <translation>le jeton de bot n&apos;est pas valide&#xa0;: copiez le Bot User OAuth Token (xoxb-…) depuis la page «&#xa0;OAuth &amp; Permissions&#xa0;» de l&apos;application (Slack&#xa0;: invalid_auth)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack received no bot token (Slack: not_authed)</source>
        <translation>Slack n&apos;a reçu aucun jeton de bot (Slack&#xa0;: not_authed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token belongs to a deleted bot or a disabled workspace (Slack: account_inactive)</source>
        <translation>le jeton appartient à un bot supprimé ou à un espace de travail désactivé (Slack&#xa0;: account_inactive)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token was revoked: reinstall the app to the workspace and copy the new token (Slack: token_revoked)</source>
        <translation>le jeton de bot a été révoqué&#xa0;: réinstallez l&apos;application dans l&apos;espace de travail et copiez le nouveau jeton (Slack&#xa0;: token_revoked)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token expired: turn token rotation off for the app, HiveSlack needs a token that does not expire (Slack: token_expired)</source>
        <translation>le jeton de bot a expiré&#xa0;: désactivez la rotation des jetons pour l&apos;application, HiveSlack a besoin d&apos;un jeton qui n&apos;expire pas (Slack&#xa0;: token_expired)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack is rate limiting this app: try again in a minute (Slack: %1)</source>
        <translation>Slack limite le débit de cette application&#xa0;: réessayez dans une minute (Slack&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack refused the check (Slack: %1)</source>
        <translation>Slack a refusé la vérification (Slack&#xa0;: %1)</translation>
    </message>
</context>
<context>
    <name>Bridge::EnvSecretStore</name>
    <message>
        <location filename="../bridge/secrets/envsecretstore.cpp" line="+74"/>
        <source>environment variables</source>
        <translation>variables d&apos;environnement</translation>
    </message>
</context>
<context>
    <name>Bridge::HttpListener</name>
    <message>
        <location filename="../bridge/http/httplistener.cpp" line="+19"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>impossible d&apos;écouter sur %1:%2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Bridge::KeychainSecretStore</name>
    <message>
        <location filename="../bridge/secrets/keychainsecretstore.cpp" line="+99"/>
        <source>OS keychain</source>
        <translation>trousseau du système</translation>
    </message>
</context>
<context>
    <name>Bridge::Simulator</name>
    <message>
        <location filename="../bridge/demo/simulator.cpp" line="+39"/>
        <source>cannot start the simulator %1: %2</source>
        <translation>impossible de démarrer le simulateur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>the simulator did not say where it listens</source>
        <translation>le simulateur n&apos;a pas indiqué où il écoute</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot remove the old demo journal %1</source>
        <translation>impossible de supprimer l’ancien journal de démonstration %1</translation>
    </message>
</context>
<context>
    <name>Bridge::TheHiveClient</name>
    <message>
        <location filename="../bridge/clients/thehiveclient.cpp" line="+127"/>
        <source>TheHive answered /api/status without a version</source>
        <translation>TheHive a répondu à /api/status sans version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>CardPreview</name>
    <message>
        <location filename="../ui/cardpreview.cpp" line="+33"/>
        <source>This case is not shown in %1: it is above what that channel may see.</source>
        <translation>Ce cas n’est pas affiché dans %1 : il dépasse ce que ce canal peut voir.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not in Slack yet. This is the card this event posts in %1 once delivered.</source>
        <translation>Pas encore dans Slack. Voici la carte que cet événement publiera dans %1 une fois livré.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The card in %1 (message %2) as the bridge last rendered it, %3.</source>
        <translation>La carte dans %1 (message %2) telle que la passerelle l&apos;a rendue pour la dernière fois, %3.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Notification text: %1</source>
        <translation>Texte de notification&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Console::ActivityModel</name>
    <message>
        <location filename="../ui/activitymodel.cpp" line="+176"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack user</source>
        <translation>Utilisateur Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
</context>
<context>
    <name>Console::ActivityPage</name>
    <message>
        <location filename="../ui/activitypage.cpp" line="+48"/>
        <source>Event %1 · %2 · %3</source>
        <translation>Événement %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State: %1 · attempts: %2 · received %3 · last change %4</source>
        <translation>État&#xa0;: %1 · tentatives&#xa0;: %2 · reçu %3 · dernière modification %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next attempt: %1</source>
        <translation>Prochaine tentative&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered: %1</source>
        <translation>Livré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>Dernière erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer: %1</source>
        <translation>Réponse&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request (as received; secrets are never journaled):</source>
        <translation>Requête (telle que reçue&#xa0;; les secrets ne sont jamais journalisés)&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>É&amp;carter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignored</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation>Écarté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case, kind, error, payload text or event id</source>
        <translation>Cas, type, erreur, texte du contenu ou ID d&apos;événement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;State:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;arch:</source>
        <translation>Rec&amp;hercher&#xa0;:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select an event to see its request and outcome.</source>
        <translation>Sélectionnez un événement pour voir sa requête et son résultat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an event about a case to see its Slack card.</source>
        <translation>Sélectionnez un événement concernant un cas pour voir sa carte Slack.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;tails</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack &amp;card</source>
        <translation>Carte &amp;Slack</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>This event has no Slack card to show.</source>
        <translation>Cet événement n&apos;a pas de carte Slack à afficher.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not retry event %1: %2</source>
        <translation>Impossible de relancer l&apos;événement %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event %1 is being delivered again…</source>
        <translation>L&apos;événement %1 est de nouveau en cours de livraison…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event %1 will be delivered again once the bridge runs.</source>
        <translation>L&apos;événement %1 sera de nouveau livré dès que la passerelle fonctionnera.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Event %1 was delivered.</source>
        <translation>L&apos;événement %1 a été livré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event %1 failed again: %2</source>
        <translation>L&apos;événement %1 a de nouveau échoué&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Event %1 discarded: it stays in the journal but is never delivered.</source>
        <translation>Événement %1 écarté&#xa0;: il reste dans le journal mais ne sera jamais livré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not discard event %1: %2</source>
        <translation>Impossible d&apos;écarter l&apos;événement %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export activity</source>
        <translation>Exporter l&apos;activité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Console::BridgeHost</name>
    <message>
        <location filename="../ui/bridgehost.cpp" line="+72"/>
        <source>reading the secrets</source>
        <translation>lecture des secrets</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>finishing the deliveries under way</source>
        <translation>fin des envois en cours</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot create the data directory %1</source>
        <translation>impossible de créer le répertoire de données %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Console::ChannelsPage</name>
    <message>
        <location filename="../ui/channelspage.cpp" line="+39"/>
        <source>the channel does not exist, or it is private and the HiveSlack app has not been invited to it</source>
        <translation>le canal n&apos;existe pas, ou il est privé et l&apos;application HiveSlack n&apos;y a pas été invitée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HiveSlack app is not in the channel: type /invite @HiveSlack there</source>
        <translation>l&apos;application HiveSlack n&apos;est pas dans le canal&#xa0;: tapez-y /invite @HiveSlack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the channel is archived</source>
        <translation>le canal est archivé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slack could not be reached (%1)</source>
        <translation>Slack n&apos;a pas pu être joint (%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>Ann&amp;uler les modifications</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Routing rules</source>
        <translation>Règles de routage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules are tried from the top: the first rule whose conditions all hold picks the channel. An empty condition matches any case. Above its TLP ceiling a case is redacted or not posted.</source>
        <translation>Les règles sont essayées de haut en bas&#xa0;: la première règle dont toutes les conditions sont remplies choisit le canal. Une condition vide correspond à tous les cas. Au-dessus de son plafond TLP, un cas est caviardé ou n&apos;est pas publié.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Add rule</source>
        <translation>A&amp;jouter une règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Descend&amp;re</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Slack &amp;channel:</source>
        <translation>&amp;Canal Slack&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use for the selected rule</source>
        <translation>Utiliser pour la règle sélectionnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;load channels</source>
        <translation>Rec&amp;harger les canaux</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send a &amp;test card</source>
        <translation>Envoyer une carte de &amp;test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts a short message to the selected rule&apos;s channel, or to the default channel when no rule is selected.</source>
        <translation>Publie un court message dans le canal de la règle sélectionnée, ou dans le canal par défaut si aucune règle n&apos;est sélectionnée.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cases no rule matches</source>
        <translation>Cas qu&apos;aucune règle ne couvre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a channel, or type a channel id such as C0123ABCD.</source>
        <translation>Choisissez un canal ou saisissez un ID de canal comme C0123ABCD.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Default channel:</source>
        <translation>Canal par &amp;défaut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLP c&amp;eiling:</source>
        <translation>&amp;Plafond TLP&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;bove the ceiling:</source>
        <translation>Au-dessus du p&amp;lafond&#xa0;:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The bridge restarted before Slack answered: send it again.</source>
        <translation>La passerelle a redémarré avant la réponse de Slack&#xa0;: renvoyez la carte.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The bridge is starting…</source>
        <translation>La passerelle démarre…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels are listed and test cards sent by the running bridge, which is not running: %1</source>
        <translation>Les canaux sont listés et les cartes de test envoyées par la passerelle en fonctionnement, or elle ne fonctionne pas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Asking Slack for the channels…</source>
        <translation>Demande des canaux à Slack…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Slack did not list the channels: %1.</source>
        <translation>Slack n&apos;a pas listé les canaux&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Slack listed no channels: create one and invite the HiveSlack app to it.</source>
        <translation>Slack n&apos;a listé aucun canal&#xa0;: créez-en un et invitez-y l&apos;application HiveSlack.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels in the workspace: %1. HiveSlack posts only where it has been invited (/invite @HiveSlack).</source>
        <translation>Canaux de l&apos;espace de travail&#xa0;: %1. HiveSlack ne publie que là où il a été invité (/invite @HiveSlack).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a default channel: cases no rule matches are posted there.</source>
        <translation>Choisissez un canal par défaut&#xa0;: les cas qu&apos;aucune règle ne couvre y sont publiés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rules were not saved: %1</source>
        <translation>Les règles n&apos;ont pas été enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The bridge restarts and routes new cases with these rules.</source>
        <translation>Enregistré. La passerelle redémarre et route les nouveaux cas selon ces règles.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Posting a test message to %1…</source>
        <translation>Publication d&apos;un message de test dans %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Posted to %1: HiveSlack can post there.</source>
        <translation>Publié dans %1&#xa0;: HiveSlack peut y publier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not post to %1: %2.</source>
        <translation>Impossible de publier dans %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Console::CodeBox</name>
    <message>
        <location filename="../ui/codebox.cpp" line="+16"/>
        <location line="+28"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Copy the whole text to the clipboard</source>
        <translation>Copier tout le texte dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Console::ConnectionsPage</name>
    <message>
        <location filename="../ui/connectionspage.cpp" line="+40"/>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an http:// or https:// address</source>
        <translation>doit être une adresse http:// ou https://</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>TheHive</source>
        <translation>TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive &amp;URL:</source>
        <translation>&amp;URL de TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;I URL:</source>
        <translation>URL de l&apos;&amp;interface&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same as the TheHive URL</source>
        <translation>identique à l&apos;URL de TheHive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the API user&apos;s default organisation</source>
        <translation>organisation par défaut de l&apos;utilisateur de l&apos;API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type 5.2 or 4.1, or leave empty to detect</source>
        <translation>saisissez 5.2 ou 4.1, ou laissez vide pour la détecter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>detect</source>
        <translation>détecter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;API key:</source>
        <translation>Clé d&apos;A&amp;PI&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gen&amp;erate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a new random webhook secret</source>
        <translation>Créer un nouveau secret de webhook aléatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Webhook secret:</source>
        <translation>Secret du &amp;webhook&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new secret, not saved yet</source>
        <translation>nouveau secret, pas encore enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test TheHive</source>
        <translation>&amp;Tester TheHive</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the &amp;HiveSlack service account</source>
        <translation>le compte &amp;de service de HiveSlack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>each anal&amp;yst himself, through TheHive&apos;s HTTP header authentication</source>
        <translation>chaque anal&amp;yste lui-même, par l&apos;authentification par en-tête HTTP de TheHive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HiveSlack checks each analyst&apos;s TheHive permissions first and records who acted in a case comment on TheHive 5 and in the card&apos;s thread.</source>
        <translation>HiveSlack vérifie d&apos;abord les permissions TheHive de chaque analyste et consigne qui a agi dans un commentaire du cas sous TheHive 5 et dans le fil de la carte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TheHive checks and audits the analyst itself. TheHive must accept this header only from HiveSlack&apos;s address: anyone else sending it could act as any analyst.</source>
        <translation>TheHive vérifie et journalise l&apos;analyste lui-même. TheHive ne doit accepter cet en-tête que depuis l&apos;adresse de HiveSlack&#xa0;: quiconque d&apos;autre l&apos;enverrait pourrait agir en tant que n&apos;importe quel analyste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Act in TheHive as:</source>
        <translation>Agir dans TheHive en tant que&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User hea&amp;der:</source>
        <translation>E&amp;n-tête utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack API U&amp;RL:</source>
        <translation>URL de l&apos;API &amp;Slack&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bot token:</source>
        <translation>Jeton du &amp;bot&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App-level t&amp;oken:</source>
        <translation>Jet&amp;on d’application :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For Socket Mode (xapp-…, scope connections:write): HiveSlack connects out to Slack, and Slack needs no way in. Without it, Slack calls HiveSlack over HTTP, checked with the signing secret.</source>
        <translation>Pour le Socket Mode (xapp-…, scope connections:write) : HiveSlack se connecte lui-même à Slack, et Slack n’a besoin d’aucun accès entrant. Sans ce jeton, Slack appelle HiveSlack en HTTP, vérifié avec le signing secret.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sig&amp;ning secret:</source>
        <translation>Sec&amp;ret de signature&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default &amp;channel:</source>
        <translation>&amp;Canal par défaut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel id, e.g. C0123456789</source>
        <translation>ID du canal, p. ex. C0123456789</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test S&amp;lack</source>
        <translation>Tester S&amp;lack</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set-up helpers</source>
        <translation>Aides à la configuration</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create the Slac&amp;k app…</source>
        <translation>Créer l&apos;application Slac&amp;k…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set u&amp;p the TheHive webhook…</source>
        <translation>Connecter T&amp;heHive…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport configuration…</source>
        <translation>E&amp;xporter la configuration…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport configuration…</source>
        <translation>I&amp;mporter la configuration…</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Settings saved, but not every secret: %1</source>
        <translation>Paramètres enregistrés, mais pas tous les secrets&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. Still missing: %1</source>
        <translation>Enregistré. Il manque encore&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The demo keeps running; the bridge uses these settings once it ends.</source>
        <translation>Enregistré. La démo continue&#xa0;; la passerelle utilisera ces paramètres une fois la démo terminée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The bridge restarts with it.</source>
        <translation>Enregistré. La passerelle redémarre avec ces paramètres.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Checking TheHive…</source>
        <translation>Vérification de TheHive…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no API key: type it above or save one first</source>
        <translation>aucune clé d&apos;API&#xa0;: saisissez-la ci-dessus ou enregistrez-en d&apos;abord une</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to TheHive %1 as %2 (%3).</source>
        <translation>Connecté à TheHive %1 en tant que %2 (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation: %1.</source>
        <translation>Organisation&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile: %1.</source>
        <translation>Profil&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permissions: %1.</source>
        <translation>Permissions&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: the version is pinned to %1 but TheHive runs %2.</source>
        <translation>Remarque&#xa0;: la version est fixée à %1, mais TheHive est en version %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking Slack…</source>
        <translation>Vérification de Slack…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bot token: type it above or save one first</source>
        <translation>aucun jeton de bot&#xa0;: saisissez-le ci-dessus ou enregistrez-en d&apos;abord un</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to the Slack workspace %1 (%2) as the bot %3 (%4).</source>
        <translation>Connecté à l&apos;espace de travail Slack %1 (%2) en tant que bot %3 (%4).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported the saved configuration to %1. It holds no secrets: give them to the server through HIVESLACK_*_FILE variables.</source>
        <translation>Configuration enregistrée exportée vers %1. Elle ne contient aucun secret&#xa0;: fournissez-les au serveur par les variables HIVESLACK_*_FILE.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Imported %1. The bridge restarts with it.</source>
        <translation>%1 importé. La passerelle redémarre avec cette configuration.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export configuration</source>
        <translation>Exporter la configuration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import configuration</source>
        <translation>Importer la configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>Console::EventChart</name>
    <message>
        <location filename="../ui/eventchart.cpp" line="+19"/>
        <source>Events and errors per minute, last hour</source>
        <translation>Événements et erreurs par minute, dernière heure</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last hour: events %1, errors %2</source>
        <translation>Dernière heure&#xa0;: événements %1, erreurs %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>60 min ago</source>
        <translation>il y a 60 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 min</source>
        <translation>30 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>Console::FallbackSecretStore</name>
    <message>
        <location filename="../ui/fallbacksecretstore.cpp" line="+46"/>
        <source>%1, then %2</source>
        <translation>%1, puis %2</translation>
    </message>
</context>
<context>
    <name>Console::KeychainBanner</name>
    <message>
        <location filename="../ui/keychainbanner.cpp" line="+29"/>
        <source>The keychain is not available (%1), so secrets cannot be saved from here. HiveSlack can read them from files instead: start it with these environment variables, each naming a file that holds one secret and that only HiveSlack&apos;s user can read: %2.</source>
        <translation>Le trousseau n&apos;est pas disponible (%1), les secrets ne peuvent donc pas être enregistrés ici. HiveSlack peut les lire depuis des fichiers&#xa0;: lancez-le avec ces variables d&apos;environnement, chacune désignant un fichier qui contient un secret et que seul l&apos;utilisateur de HiveSlack peut lire&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Console::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+49"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About HiveSlack</source>
        <translation>À &amp;propos de HiveSlack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About HiveSlack</source>
        <translation>À propos de HiveSlack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;HiveSlack %1&lt;/h3&gt;&lt;p&gt;Brings TheHive cases into Slack as interactive cards and writes every action taken in Slack back to TheHive.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveSlack %1&lt;/h3&gt;&lt;p&gt;Apporte les cas TheHive dans Slack sous forme de cartes interactives et reporte dans TheHive chaque action effectuée dans Slack.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>HiveSlack (demo)</source>
        <translation>HiveSlack (démo)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HiveSlack</source>
        <translation>HiveSlack</translation>
    </message>
</context>
<context>
    <name>Console::OverviewPage</name>
    <message>
        <location filename="../ui/overviewpage.cpp" line="+43"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;span style=&quot;color:#3478f6&quot;&gt;■&lt;/span&gt; events &amp;nbsp; &lt;span style=&quot;color:#d03a2f&quot;&gt;■&lt;/span&gt; errors (failed or retrying)</source>
        <translation>&lt;span style=&quot;color:#3478f6&quot;&gt;■&lt;/span&gt; événements &amp;nbsp; &lt;span style=&quot;color:#d03a2f&quot;&gt;■&lt;/span&gt; erreurs (en échec ou en cours de nouvelle tentative)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check &amp;now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show in &amp;Activity</source>
        <translation>Afficher dans l&apos;ac&amp;tivité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy the TheHive webhook URL</source>
        <translation>Copier l&apos;URL du webhook TheHive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the Slack interactivity URL</source>
        <translation>Copier l&apos;URL d&apos;interactivité Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bridge</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive webhook URL:</source>
        <translation>URL du webhook TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slack interactivity request URL:</source>
        <translation>URL de requête d&apos;interactivité Slack&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slack only calls public HTTPS addresses: put a reverse proxy in front of the bridge and give Slack that address with the same path.</source>
        <translation>Slack n&apos;appelle que des adresses HTTPS publiques&#xa0;: placez un proxy inverse devant la passerelle et donnez à Slack son adresse avec le même chemin.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TheHive and Slack</source>
        <translation>TheHive et Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive:</source>
        <translation>TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack:</source>
        <translation>Slack&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cards posted or updated:</source>
        <translation>Cartes publiées ou mises à jour&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack actions applied in TheHive:</source>
        <translation>Actions Slack appliquées dans TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures waiting (all time):</source>
        <translation>Échecs en attente (depuis le début)&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for delivery:</source>
        <translation>En attente de livraison&#xa0;:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>cards %1, actions %2, failures %3, pending %4</source>
        <translation>cartes %1, actions %2, échecs %3, en attente %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— (the bridge is not listening)</source>
        <translation>— (la passerelle n&apos;écoute pas)</translation>
    </message>
</context>
<context>
    <name>Console::PeerStatus</name>
    <message>
        <location filename="../ui/peerstatus.cpp" line="+37"/>
        <source>not checked: the bridge is not running</source>
        <translation>non vérifié&#xa0;: la passerelle ne fonctionne pas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>TheHive %1</source>
        <translation>TheHive %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reachable: %1</source>
        <translation>injoignable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>workspace %1 as @%2</source>
        <translation>espace de travail %1 en tant que @%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slack refused the bot token (%1): store the token from the app&apos;s OAuth page</source>
        <translation>Slack a refusé le jeton de bot (%1)&#xa0;: enregistrez le jeton de la page OAuth de l&apos;application</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token no longer works (%1): reinstall the app and store the new token</source>
        <translation>le jeton de bot ne fonctionne plus (%1)&#xa0;: réinstallez l&apos;application et enregistrez le nouveau jeton</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack asks to slow down (rate limited); the check runs again in a minute</source>
        <translation>Slack demande de ralentir (limite de débit)&#xa0;; la vérification reprend dans une minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack answered: %1</source>
        <translation>Slack a répondu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Console::RoutingRulesModel</name>
    <message>
        <location filename="../ui/routingrulesmodel.cpp" line="+63"/>
        <location line="+186"/>
        <source>#%1 (%2)</source>
        <translation>#%1 (%2)</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Rule %1</source>
        <translation>Règle %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The rule “%1” has no channel: pick one, or remove the rule.</source>
        <translation>La règle «&#xa0;%1&#xa0;» n&apos;a pas de canal&#xa0;: choisissez-en un ou supprimez la règle.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+45"/>
        <source>No ceiling</source>
        <translation>Aucun plafond</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Post nothing</source>
        <translation>Ne rien publier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post a redacted card</source>
        <translation>Publier une carte caviardée</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (alerts)</source>
        <translation>%1 (alertes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+48"/>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+55"/>
        <source>%1 or above</source>
        <translation>%1 ou plus</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>(no channel)</source>
        <translation>(aucun canal)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>An alert route: it places TheHive alerts, not cases. Its sources, types and batching are set in the configuration file (&quot;kind&quot;: &quot;alert&quot;).</source>
        <translation>Une route d’alertes : elle place des alertes TheHive, pas des cas. Ses sources, types et regroupements se règlent dans le fichier de configuration (&quot;kind&quot;: &quot;alert&quot;).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases this rule matches need a channel to go to.</source>
        <translation>Les cas couverts par cette règle ont besoin d&apos;un canal de destination.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated; a case matches when it has any of them.</source>
        <translation>Séparés par des virgules&#xa0;; un cas correspond s&apos;il en possède au moins un.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Sévérité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLP ceiling</source>
        <translation>Plafond TLP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Above the ceiling</source>
        <translation>Au-dessus du plafond</translation>
    </message>
</context>
<context>
    <name>Console::SecretField</name>
    <message>
        <location filename="../ui/secretfield.cpp" line="+20"/>
        <source>type to set or replace</source>
        <translation>saisir pour définir ou remplacer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored in: %1</source>
        <translation>enregistré dans&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keychain not available</source>
        <translation>trousseau indisponible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read the stored secret: %1</source>
        <translation>impossible de lire le secret enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Console::SetupHelpers</name>
    <message>
        <location filename="../ui/setuphelpers.cpp" line="+61"/>
        <source>&lt;webhook secret&gt;</source>
        <translation>&lt;secret du webhook&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In TheHive 5, logged in as an administrator of the organisation:

1. Organization → Endpoints → &quot;+&quot; → Webhook
     Name:            HiveSlack
     URL:             %1
     Version:         1
     Authentication:  Bearer
     Token:           %2
   Save.

2. Organization → Notifications → &quot;+&quot;
     Name:      HiveSlack
     Trigger:   AnyEvent (HiveSlack ignores what it does not show)
     Notifier:  Webhook, endpoint HiveSlack
     &quot;Send notification to every user&quot;: off
   Save.

3. Create a case: its card appears in the default Slack channel.
</source>
        <translation>Dans TheHive 5, connecté en tant qu&apos;administrateur de l&apos;organisation&#xa0;:

1. Organization → Endpoints → &quot;+&quot; → Webhook
     Name:            HiveSlack
     URL:             %1
     Version:         1
     Authentication:  Bearer
     Token:           %2
   Enregistrer (Save).

2. Organization → Notifications → &quot;+&quot;
     Name:      HiveSlack
     Trigger:   AnyEvent (HiveSlack ignore ce qu&apos;il n&apos;affiche pas)
     Notifier:  Webhook, endpoint HiveSlack
     &quot;Send notification to every user&quot;&#xa0;: désactivé
   Enregistrer (Save).

3. Créez un cas&#xa0;: sa carte apparaît dans le canal Slack par défaut.
</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&lt;API key of an org-admin&gt;</source>
        <translation>&lt;clé API d’un administrateur de l’organisation&gt;</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a HiveSlack configuration: %2 at offset %3</source>
        <translation>%1 n&apos;est pas une configuration HiveSlack&#xa0;: %2 à la position %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 est inutilisable&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Console::SlackAppDialog</name>
    <message>
        <location filename="../ui/slackappdialog.cpp" line="+27"/>
        <source>Create the Slack app</source>
        <translation>Créer l&apos;application Slack</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Socket Mode: HiveSlack connects out to Slack; nothing from the internet reaches it (recommended)</source>
        <translation>&amp;Socket Mode : HiveSlack se connecte lui-même à Slack ; rien d’Internet ne l’atteint (recommandé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;HTTP: Slack calls HiveSlack at a public HTTPS address</source>
        <translation>&amp;HTTP : Slack appelle HiveSlack à une adresse HTTPS publique</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At api.slack.com/apps choose &quot;Create New App&quot;, then &quot;From an app manifest&quot;, pick the workspace and paste this manifest. Install the app to the workspace, then copy its Bot User OAuth Token (OAuth &amp; Permissions) into Connections, and either an app-level token with the connections:write scope (Basic Information → App-Level Tokens; Socket Mode) or the Signing Secret (Basic Information; HTTP).</source>
        <translation>Sur api.slack.com/apps, choisissez « Create New App » puis « From an app manifest », choisissez l’espace de travail et collez ce manifeste. Installez l’application dans l’espace de travail, puis copiez son Bot User OAuth Token (OAuth &amp; Permissions) dans Connexions, ainsi qu’un jeton d’application avec le scope connections:write (Basic Information → App-Level Tokens ; Socket Mode) ou le Signing Secret (Basic Information ; HTTP).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Slack reaches HiveSlack by:</source>
        <translation>Slack joint HiveSlack par :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Public base URL:</source>
        <translation>URL de base &amp;publique&#xa0;:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Slack will send button clicks over the connection HiveSlack opens with the app-level token.</source>
        <translation>Slack enverra les clics sur la connexion que HiveSlack ouvre avec le jeton d’application.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the address at which Slack reaches this bridge, starting with https://.</source>
        <translation>Saisissez l&apos;adresse à laquelle Slack joint cette passerelle, commençant par https://.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slack will send button clicks to %1.</source>
        <translation>Slack enverra les clics sur les boutons à %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack only sends to https addresses reachable from the internet: put the bridge behind a reverse proxy with a certificate and type that proxy&apos;s address here.</source>
        <translation>Slack n&apos;envoie qu&apos;à des adresses https joignables depuis Internet&#xa0;: placez la passerelle derrière un proxy inverse doté d&apos;un certificat et saisissez ici l&apos;adresse de ce proxy.</translation>
    </message>
</context>
<context>
    <name>Console::StateBanner</name>
    <message>
        <location filename="../ui/statebanner.cpp" line="+31"/>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <location line="+15"/>
        <source>&amp;Configure…</source>
        <translation>&amp;Configurer…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>HiveSlack is not set up yet</source>
        <translation>HiveSlack n&apos;est pas encore configuré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the demo to watch sample cases travel through a simulated TheHive and Slack workspace, or configure the connections to your own. Missing now: %1</source>
        <translation>Essayez la démo pour voir des cas d&apos;exemple circuler entre un TheHive et un espace de travail Slack simulés, ou configurez les connexions vers les vôtres. Manque actuellement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bridge talks to the built-in simulator: a sample case arrives every 5 seconds. Nothing reaches a real TheHive or Slack.</source>
        <translation>La passerelle dialogue avec le simulateur intégré&#xa0;: un cas d&apos;exemple arrive toutes les 5 secondes. Rien n&apos;atteint un vrai TheHive ni un vrai Slack.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop the demo</source>
        <translation>A&amp;rrêter la démo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Configure for real…</source>
        <translation>Configurer pour la &amp;production…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bridge is not running</source>
        <translation>La passerelle ne fonctionne pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The demo could not start: %1</source>
        <translation>La démo n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Console::TheHiveSetupDialog</name>
    <message>
        <location filename="../ui/thehivesetupdialog.cpp" line="+37"/>
        <location line="+61"/>
        <source>&amp;Show secret</source>
        <translation>&amp;Afficher le secret</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Connect TheHive</source>
        <translation>Connecter TheHive</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Bridge address as TheHive reaches it:</source>
        <translation>Adresse de la &amp;passerelle vue depuis TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webhook URL:</source>
        <translation>URL du webhook&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Webhook secret:</source>
        <translation>Secret du webhook&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add this endpoint to TheHive&apos;s application.conf (usually /etc/thehive/application.conf) and restart TheHive:</source>
        <translation>Ajoutez ce point de terminaison au fichier application.conf de TheHive (en général /etc/thehive/application.conf) et redémarrez TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Then turn the webhook on for each organisation whose cases go to Slack, with the API key of an administrator of that organisation:</source>
        <translation>Activez ensuite le webhook pour chaque organisation dont les cas vont dans Slack, avec la clé d&apos;API d&apos;un administrateur de cette organisation&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TheHive &amp;5</source>
        <translation>TheHive &amp;5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive &amp;4</source>
        <translation>TheHive &amp;4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading the secret…</source>
        <translation>Lecture du secret…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Hide secret</source>
        <translation>&amp;Masquer le secret</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No webhook secret is stored yet: generate one in Connections and save.</source>
        <translation>Aucun secret de webhook n&apos;est encore enregistré&#xa0;: générez-en un dans Connexions et enregistrez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the webhook secret: %1</source>
        <translation>Impossible de lire le secret du webhook&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>type an http:// or https:// address</source>
        <translation>saisissez une adresse http:// ou https://</translation>
    </message>
</context>
<context>
    <name>Console::TrayIcon</name>
    <message>
        <location filename="../ui/trayicon.cpp" line="+27"/>
        <source>&amp;Show HiveSlack</source>
        <translation>&amp;Afficher HiveSlack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>HiveSlack</source>
        <translation>HiveSlack</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HiveSlack keeps running</source>
        <translation>HiveSlack continue de fonctionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bridge keeps delivering in the background. Use the tray icon to open the console again or to quit.</source>
        <translation>La passerelle continue de livrer en arrière-plan. Utilisez l&apos;icône de la zone de notification pour rouvrir la console ou quitter.</translation>
    </message>
</context>
<context>
    <name>Console::UsersModel</name>
    <message>
        <location filename="../ui/usersmodel.cpp" line="+204"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <location line="+23"/>
        <location line="+49"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>matched</source>
        <translation>associé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no TheHive user</source>
        <translation>aucun utilisateur TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>override</source>
        <translation>manuel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set by hand: %1 acts in TheHive as %2, whatever the email says.</source>
        <translation>Défini manuellement&#xa0;: %1 agit dans TheHive en tant que %2, quelle que soit l&apos;adresse e-mail.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found by email: the TheHive account %1 is active.</source>
        <translation>Trouvé par e-mail&#xa0;: le compte TheHive %1 est actif.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack does not share this user&apos;s email (the app needs the users:read.email permission), so no TheHive account can be found.</source>
        <translation>Slack ne partage pas l&apos;adresse e-mail de cet utilisateur (l&apos;application a besoin de la permission users:read.email), aucun compte TheHive ne peut donc être trouvé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active TheHive account found for %1.</source>
        <translation>Aucun compte TheHive actif trouvé pour %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>(not shared by Slack)</source>
        <translation>(non partagé par Slack)</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>allowed</source>
        <translation>autorisé</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>severity</source>
        <translation>sévérité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAP</source>
        <translation>PAP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assign</source>
        <translation>assigner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close</source>
        <translation>fermer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reopen</source>
        <translation>rouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tasks</source>
        <translation>tâches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new cases</source>
        <translation>nouveaux cas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>promote alerts</source>
        <translation>promouvoir les alertes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>merge alerts</source>
        <translation>fusionner les alertes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ignore alerts</source>
        <translation>ignorer les alertes</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>cannot read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This profile has no TheHive permissions.</source>
        <translation>Ce profil n&apos;a aucune permission TheHive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive permissions: %1</source>
        <translation>Permissions TheHive&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>everything HiveSlack offers</source>
        <translation>tout ce que HiveSlack propose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing (read-only)</source>
        <translation>rien (lecture seule)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everything but %1</source>
        <translation>tout sauf %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 needs %2</source>
        <translation>%1 requiert %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not allowed by the TheHive profile: %1.</source>
        <translation>Non autorisé par le profil TheHive&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not allowed</source>
        <translation>non autorisé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>On the allow-list.</source>
        <translation>Figure sur la liste d&apos;autorisation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed as a member of the user group %1.</source>
        <translation>Autorisé en tant que membre du groupe d&apos;utilisateurs %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slack did not list the user group %1 (%2): it allows nobody.</source>
        <translation>Slack n&apos;a pas listé le groupe d&apos;utilisateurs %1 (%2)&#xa0;: il n&apos;autorise personne.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Slack user</source>
        <translation>Utilisateur Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive user</source>
        <translation>Utilisateur TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive profile</source>
        <translation>Profil TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May do</source>
        <translation>Actions autorisées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May act</source>
        <translation>Peut agir</translation>
    </message>
</context>
<context>
    <name>Console::UsersPage</name>
    <message>
        <location filename="../ui/userspage.cpp" line="+61"/>
        <source>&amp;Reload users</source>
        <translation>&amp;Recharger les utilisateurs</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name, email or TheHive user</source>
        <translation>Nom, e-mail ou utilisateur TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fil&amp;ter:</source>
        <translation>Fi&amp;ltre&#xa0;:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Type the TheHive login this user should act as.</source>
        <translation>Saisissez l&apos;identifiant TheHive sous lequel cet utilisateur doit agir.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Selected user</source>
        <translation>Utilisateur sélectionné</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Check now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks this user up again: Slack email, then the TheHive account and its profile.</source>
        <translation>Recherche à nouveau cet utilisateur&#xa0;: e-mail Slack, puis compte TheHive et son profil.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. alice@soc.example</source>
        <translation>p. ex. alice@soc.example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;override</source>
        <translation>&amp;Définir la correspondance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cl&amp;ear override</source>
        <translation>&amp;Supprimer la correspondance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An override makes HiveSlack act as this TheHive user whatever the emails say: use it when the Slack and TheHive emails differ.</source>
        <translation>Une correspondance manuelle fait agir HiveSlack en tant que cet utilisateur TheHive, quelles que soient les adresses e-mail&#xa0;: utilisez-la quand les adresses e-mail de Slack et de TheHive diffèrent.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TheHive &amp;login:</source>
        <translation>&amp;Identifiant TheHive&#xa0;:</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Slack did not list the members: the Slack app lacks the users:read permission. Reinstall it from the generated manifest.</source>
        <translation>Slack n&apos;a pas listé les membres&#xa0;: il manque à l&apos;application Slack la permission users:read. Réinstallez-la à partir du manifeste généré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack did not list the members: %1</source>
        <translation>Slack n&apos;a pas listé les membres&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The bridge is starting…</source>
        <translation>La passerelle démarre…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users are looked up by the running bridge, which is not running: %1</source>
        <translation>Les utilisateurs sont recherchés par la passerelle en fonctionnement, or elle ne fonctionne pas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listing the Slack workspace members…</source>
        <translation>Récupération des membres de l&apos;espace de travail Slack…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Matching with TheHive: %1 of %2…</source>
        <translation>Rapprochement avec TheHive&#xa0;: %1 sur %2…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slack users: %1. Matched: %2, no TheHive user: %3, override: %4.</source>
        <translation>Utilisateurs Slack&#xa0;: %1. Associés&#xa0;: %2, sans utilisateur TheHive&#xa0;: %3, manuels&#xa0;: %4.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select a user to check them or set an override.</source>
        <translation>Sélectionnez un utilisateur pour le vérifier ou définir une correspondance manuelle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (Slack id %2): %3</source>
        <translation>%1 (ID Slack %2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive profile: %1</source>
        <translation>Profil TheHive&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May do: %1</source>
        <translation>Actions autorisées&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The override was not saved: %1</source>
        <translation>La correspondance manuelle n&apos;a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Override removed: %1 is matched by email again.</source>
        <translation>Correspondance manuelle supprimée&#xa0;: %1 est de nouveau associé par e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: %1 acts in TheHive as %2.</source>
        <translation>Enregistré&#xa0;: %1 agit dans TheHive en tant que %2.</translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <location filename="../ui/eventsummary.cpp" line="+24"/>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 created</source>
        <translation>%1&#xa0;: création</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 updated</source>
        <translation>%1&#xa0;: mise à jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 deleted</source>
        <translation>%1&#xa0;: suppression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>card refreshed</source>
        <translation>carte actualisée</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>close case</source>
        <translation>fermer le cas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add task</source>
        <translation>ajouter une tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submit form %1</source>
        <translation>envoyer le formulaire %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set status</source>
        <translation>définir le statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set severity</source>
        <translation>définir la sévérité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set TLP</source>
        <translation>définir le TLP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set PAP</source>
        <translation>définir le PAP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assign</source>
        <translation>assigner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assign to me</source>
        <translation>m&apos;assigner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the add-task form</source>
        <translation>ouvrir le formulaire d&apos;ajout de tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the close form</source>
        <translation>ouvrir le formulaire de fermeture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reopen</source>
        <translation>rouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open in TheHive</source>
        <translation>ouvrir dans TheHive</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Slack → TheHive</source>
        <translation>Slack → TheHive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive → Slack</source>
        <translation>TheHive → Slack</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignored</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discarded</source>
        <translation>Écarté</translation>
    </message>
</context>
<context>
    <name>HostStatus</name>
    <message>
        <location filename="../ui/hoststatus.cpp" line="+26"/>
        <source>Demo: listening on %1, talking to the built-in simulator</source>
        <translation>Démo&#xa0;: à l&apos;écoute sur %1, dialogue avec le simulateur intégré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running: listening on %1</source>
        <translation>En marche&#xa0;: à l&apos;écoute sur %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting: %1</source>
        <translation>Démarrage&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not configured: %1</source>
        <translation>Non configuré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not running: %1</source>
        <translation>À l&apos;arrêt&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 — failures waiting: %2</source>
        <translation>%1 — échecs en attente&#x202f;: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../bridge/secrets/keychainsecretstore.cpp" line="-77"/>
        <source>not in the keychain</source>
        <translation>absent du trousseau</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the keychain did not answer within %1 s (is it locked?)</source>
        <translation>le trousseau n&apos;a pas répondu en %1 s (est-il verrouillé&#xa0;?)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/commandline.cpp" line="+11"/>
        <source>HiveSlack brings TheHive cases into Slack as interactive cards and writes every action back to TheHive.</source>
        <translation>HiveSlack apporte les cas TheHive dans Slack sous forme de cartes interactives et reporte chaque action dans TheHive.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the bridge without a window (servers).</source>
        <translation>Exécuter la passerelle sans fenêtre (serveurs).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run against the built-in TheHive and Slack simulator, with sample cases.</source>
        <translation>Exécuter avec le simulateur TheHive et Slack intégré et des cas d&apos;exemple.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read settings from this JSON file; HIVESLACK_* environment variables override it.</source>
        <translation>Lire les paramètres depuis ce fichier JSON&#xa0;; les variables d&apos;environnement HIVESLACK_* ont priorité.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For manifest: the public https:// address Slack calls when no app-level token is set.</source>
        <translation>Pour manifest&#xa0;: l’adresse https:// publique que Slack appelle quand aucun jeton d’application n’est défini.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For events list: only events in this state (pending, delivered, failed, ignored, discarded).</source>
        <translation>Pour events list&#xa0;: seulement les événements dans cet état (pending, delivered, failed, ignored, discarded).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For events list: a JSON array instead of lines.</source>
        <translation>Pour events list&#xa0;: un tableau JSON au lieu de lignes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>manifest: print the Slack app manifest for this configuration (JSON). events list | show ID | retry ID | discard ID: the bridge&apos;s journal, safe while it runs. check: test the connections to TheHive and Slack.</source>
        <translation>manifest&#xa0;: afficher le manifeste de l’application Slack pour cette configuration (JSON). events list | show ID | retry ID | discard ID&#xa0;: le journal du pont, sans danger pendant qu’il tourne. check&#xa0;: tester les connexions à TheHive et à Slack.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Environment: HIVESLACK_LISTEN, HIVESLACK_DATA_DIR, HIVESLACK_THEHIVE_URL, HIVESLACK_THEHIVE_API_KEY, HIVESLACK_THEHIVE_WEBHOOK_SECRET, HIVESLACK_THEHIVE_ACT_AS, HIVESLACK_THEHIVE_USER_HEADER, HIVESLACK_RECONCILE_SECONDS (default 60; 0 never looks back), HIVESLACK_SLACK_API_URL, HIVESLACK_SLACK_BOT_TOKEN, HIVESLACK_SLACK_APP_TOKEN, HIVESLACK_SLACK_SIGNING_SECRET, HIVESLACK_SLACK_CHANNEL, HIVESLACK_JOURNAL_RETENTION_DAYS (default 30; 0 keeps everything); every secret also as &lt;NAME&gt;_FILE.
</source>
        <translation>
Environnement&#xa0;: HIVESLACK_LISTEN, HIVESLACK_DATA_DIR, HIVESLACK_THEHIVE_URL, HIVESLACK_THEHIVE_API_KEY, HIVESLACK_THEHIVE_WEBHOOK_SECRET, HIVESLACK_THEHIVE_ACT_AS, HIVESLACK_THEHIVE_USER_HEADER, HIVESLACK_RECONCILE_SECONDS (60 par défaut&#xa0;; 0 ne regarde jamais en arrière), HIVESLACK_SLACK_API_URL, HIVESLACK_SLACK_BOT_TOKEN, HIVESLACK_SLACK_APP_TOKEN, HIVESLACK_SLACK_SIGNING_SECRET, HIVESLACK_SLACK_CHANNEL, HIVESLACK_JOURNAL_RETENTION_DAYS (30 par défaut&#xa0;; 0 garde tout)&#xa0;; chaque secret aussi sous la forme &lt;NAME&gt;_FILE.
</translation>
    </message>
</context>
</TS>
