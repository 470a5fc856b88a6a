<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Bridge::ConnectionTester</name>
    <message>
        <location filename="../bridge/admin/connectiontester.cpp" line="+86"/>
        <source>cannot connect to %1: no answer within %2 seconds</source>
        <translation>keine Verbindung zu %1: keine Antwort innerhalb von %2 Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the TheHive URL must start with http:// or https://</source>
        <translation>die TheHive-URL muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no API key: type the key of TheHive&apos;s HiveSlack user</source>
        <translation>kein API-Schlüssel: geben Sie den Schlüssel des HiveSlack-Benutzers in TheHive ein</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>it answered without a TheHive version</source>
        <translation>die Antwort enthielt keine TheHive-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it answered HTTP %1</source>
        <translation>die Antwort war HTTP %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a TheHive server: %1 has no TheHive status page (%2)</source>
        <translation>kein TheHive-Server: %1 hat keine TheHive-Statusseite (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TheHive %1 is too old: HiveSlack works with TheHive 4 and 5</source>
        <translation>TheHive %1 ist zu alt: HiveSlack arbeitet mit TheHive 4 und 5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>wrong API key: TheHive %1 refused it</source>
        <translation>falscher API-Schlüssel: TheHive %1 hat ihn abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong API key, or its user is not in organisation &quot;%1&quot;: TheHive %2 refused it</source>
        <translation>falscher API-Schlüssel, oder sein Benutzer gehört nicht zur Organisation „%1“: TheHive %2 hat ihn abgelehnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TheHive refused the API key&apos;s user: %1</source>
        <translation>TheHive hat den Benutzer des API-Schlüssels abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive refused the API key&apos;s user in organisation &quot;%1&quot;: %2</source>
        <translation>TheHive hat den Benutzer des API-Schlüssels in der Organisation „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TheHive could not tell who the API key belongs to: %1</source>
        <translation>TheHive konnte nicht sagen, wem der API-Schlüssel gehört: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the API key&apos;s user %1 is not in organisation &quot;%2&quot; (only in: %3)</source>
        <translation>der Benutzer %1 des API-Schlüssels gehört nicht zur Organisation „%2“ (nur zu: %3)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the Slack API URL must start with http:// or https://</source>
        <translation>die Slack-API-URL muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no bot token: type the app&apos;s Bot User OAuth Token (xoxb-…)</source>
        <translation>kein Bot-Token: geben Sie das Bot User OAuth Token der App ein (xoxb-…)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this is a user token (of %1), not a bot token: use the app&apos;s Bot User OAuth Token (xoxb-…)</source>
        <translation>das ist ein Benutzer-Token (von %1), kein Bot-Token: verwenden Sie das Bot User OAuth Token der App (xoxb-…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a Slack Web API: %1 gave an %2</source>
        <translation>keine Slack-Web-API: %1 lieferte %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not an app-level token (xapp-…)</source>
        <translation>kein App-Level-Token (xapp-…)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Slack refuses the app-level token: it needs the connections:write scope and Socket Mode on (Slack: %1)</source>
        <translation>Slack lehnt das App-Level-Token ab: Es braucht den Scope connections:write und eingeschalteten Socket Mode (Slack: %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the bot token is not valid: copy the Bot User OAuth Token (xoxb-…) from the app&apos;s &quot;OAuth &amp; Permissions&quot; page (Slack: invalid_auth)</source>
        <translation>das Bot-Token ist ungültig: kopieren Sie das Bot User OAuth Token (xoxb-…) von der Seite „OAuth &amp; Permissions“ der App (Slack: invalid_auth)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack received no bot token (Slack: not_authed)</source>
        <translation>Slack hat kein Bot-Token erhalten (Slack: not_authed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token belongs to a deleted bot or a disabled workspace (Slack: account_inactive)</source>
        <translation>das Token gehört zu einem gelöschten Bot oder einem deaktivierten Workspace (Slack: account_inactive)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token was revoked: reinstall the app to the workspace and copy the new token (Slack: token_revoked)</source>
        <translation>das Bot-Token wurde widerrufen: installieren Sie die App erneut im Workspace und kopieren Sie das neue Token (Slack: token_revoked)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token expired: turn token rotation off for the app, HiveSlack needs a token that does not expire (Slack: token_expired)</source>
        <translation>das Bot-Token ist abgelaufen: schalten Sie die Token-Rotation für die App aus, HiveSlack braucht ein Token, das nicht abläuft (Slack: token_expired)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack is rate limiting this app: try again in a minute (Slack: %1)</source>
        <translation>Slack drosselt diese App (Rate Limit): versuchen Sie es in einer Minute erneut (Slack: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack refused the check (Slack: %1)</source>
        <translation>Slack hat die Prüfung abgelehnt (Slack: %1)</translation>
    </message>
</context>
<context>
    <name>Bridge::EnvSecretStore</name>
    <message>
        <location filename="../bridge/secrets/envsecretstore.cpp" line="+74"/>
        <source>environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
</context>
<context>
    <name>Bridge::HttpListener</name>
    <message>
        <location filename="../bridge/http/httplistener.cpp" line="+19"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3</translation>
    </message>
</context>
<context>
    <name>Bridge::KeychainSecretStore</name>
    <message>
        <location filename="../bridge/secrets/keychainsecretstore.cpp" line="+99"/>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Betriebssystems</translation>
    </message>
</context>
<context>
    <name>Bridge::Simulator</name>
    <message>
        <location filename="../bridge/demo/simulator.cpp" line="+39"/>
        <source>cannot start the simulator %1: %2</source>
        <translation>der Simulator %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>the simulator did not say where it listens</source>
        <translation>der Simulator hat nicht gemeldet, wo er lauscht</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot remove the old demo journal %1</source>
        <translation>das alte Demo-Journal %1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Bridge::TheHiveClient</name>
    <message>
        <location filename="../bridge/clients/thehiveclient.cpp" line="+127"/>
        <source>TheHive answered /api/status without a version</source>
        <translation>TheHive hat auf /api/status ohne Version geantwortet</translation>
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
        <translation>Dieser Fall wird in %1 nicht gezeigt: Er liegt über dem, was dieser Kanal sehen darf.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not in Slack yet. This is the card this event posts in %1 once delivered.</source>
        <translation>Noch nicht in Slack. Diese Karte postet das Ereignis in %1, sobald es zugestellt ist.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The card in %1 (message %2) as the bridge last rendered it, %3.</source>
        <translation>Die Karte in %1 (Nachricht %2), wie die Bridge sie zuletzt dargestellt hat, %3.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Notification text: %1</source>
        <translation>Benachrichtigungstext: %1</translation>
    </message>
</context>
<context>
    <name>Console::ActivityModel</name>
    <message>
        <location filename="../ui/activitymodel.cpp" line="+176"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack user</source>
        <translation>Slack-Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>Console::ActivityPage</name>
    <message>
        <location filename="../ui/activitypage.cpp" line="+48"/>
        <source>Event %1 · %2 · %3</source>
        <translation>Ereignis %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State: %1 · attempts: %2 · received %3 · last change %4</source>
        <translation>Status: %1 · Versuche: %2 · empfangen %3 · letzte Änderung %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next attempt: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered: %1</source>
        <translation>Zugestellt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request (as received; secrets are never journaled):</source>
        <translation>Anfrage (wie empfangen; Secrets werden nie ins Journal geschrieben):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case, kind, error, payload text or event id</source>
        <translation>Fall, Art, Fehler, Payload-Text oder Ereignis-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;arch:</source>
        <translation>S&amp;uchen:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select an event to see its request and outcome.</source>
        <translation>Wählen Sie ein Ereignis, um seine Anfrage und sein Ergebnis zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an event about a case to see its Slack card.</source>
        <translation>Wählen Sie ein Ereignis zu einem Fall, um seine Slack-Karte zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;tails</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack &amp;card</source>
        <translation>Slack-&amp;Karte</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>This event has no Slack card to show.</source>
        <translation>Zu diesem Ereignis gibt es keine Slack-Karte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not retry event %1: %2</source>
        <translation>Ereignis %1 konnte nicht erneut eingeplant werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event %1 is being delivered again…</source>
        <translation>Ereignis %1 wird erneut zugestellt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event %1 will be delivered again once the bridge runs.</source>
        <translation>Ereignis %1 wird erneut zugestellt, sobald die Bridge läuft.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Event %1 was delivered.</source>
        <translation>Ereignis %1 wurde zugestellt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event %1 failed again: %2</source>
        <translation>Ereignis %1 ist erneut fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Event %1 discarded: it stays in the journal but is never delivered.</source>
        <translation>Ereignis %1 verworfen: Es bleibt im Journal, wird aber nie zugestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not discard event %1: %2</source>
        <translation>Ereignis %1 konnte nicht verworfen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Console::BridgeHost</name>
    <message>
        <location filename="../ui/bridgehost.cpp" line="+72"/>
        <source>reading the secrets</source>
        <translation>Secrets werden gelesen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>finishing the deliveries under way</source>
        <translation>laufende Zustellungen werden abgeschlossen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot create the data directory %1</source>
        <translation>das Datenverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Console::ChannelsPage</name>
    <message>
        <location filename="../ui/channelspage.cpp" line="+39"/>
        <source>the channel does not exist, or it is private and the HiveSlack app has not been invited to it</source>
        <translation>der Channel existiert nicht, oder er ist privat und die HiveSlack-App wurde nicht eingeladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HiveSlack app is not in the channel: type /invite @HiveSlack there</source>
        <translation>die HiveSlack-App ist nicht im Channel: geben Sie dort /invite @HiveSlack ein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the channel is archived</source>
        <translation>der Channel ist archiviert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slack could not be reached (%1)</source>
        <translation>Slack war nicht erreichbar (%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Routing rules</source>
        <translation>Routing-Regeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules are tried from the top: the first rule whose conditions all hold picks the channel. An empty condition matches any case. Above its TLP ceiling a case is redacted or not posted.</source>
        <translation>Die Regeln werden von oben nach unten geprüft: Die erste Regel, deren Bedingungen alle zutreffen, bestimmt den Channel. Eine leere Bedingung trifft auf jeden Fall zu. Oberhalb seiner TLP-Obergrenze wird ein Fall geschwärzt oder gar nicht gepostet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Add rule</source>
        <translation>&amp;Regel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Slack &amp;channel:</source>
        <translation>Slack-&amp;Channel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use for the selected rule</source>
        <translation>Für die ausgewählte Regel verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;load channels</source>
        <translation>Channels &amp;neu laden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send a &amp;test card</source>
        <translation>&amp;Testkarte senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts a short message to the selected rule&apos;s channel, or to the default channel when no rule is selected.</source>
        <translation>Postet eine kurze Nachricht in den Channel der ausgewählten Regel oder, wenn keine Regel ausgewählt ist, in den Standard-Channel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cases no rule matches</source>
        <translation>Fälle, auf die keine Regel zutrifft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a channel, or type a channel id such as C0123ABCD.</source>
        <translation>Wählen Sie einen Channel oder geben Sie eine Channel-ID wie C0123ABCD ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Default channel:</source>
        <translation>Standard-Ch&amp;annel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLP c&amp;eiling:</source>
        <translation>T&amp;LP-Obergrenze:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;bove the ceiling:</source>
        <translation>O&amp;berhalb der Obergrenze:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The bridge restarted before Slack answered: send it again.</source>
        <translation>Die Bridge wurde neu gestartet, bevor Slack geantwortet hat: Senden Sie die Karte erneut.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The bridge is starting…</source>
        <translation>Die Bridge startet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels are listed and test cards sent by the running bridge, which is not running: %1</source>
        <translation>Channels werden von der laufenden Bridge aufgelistet und Testkarten von ihr gesendet, doch sie läuft nicht: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Asking Slack for the channels…</source>
        <translation>Channels werden bei Slack abgefragt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Slack did not list the channels: %1.</source>
        <translation>Slack hat die Channels nicht aufgelistet: %1.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Slack listed no channels: create one and invite the HiveSlack app to it.</source>
        <translation>Slack hat keine Channels aufgelistet: Legen Sie einen an und laden Sie die HiveSlack-App dorthin ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels in the workspace: %1. HiveSlack posts only where it has been invited (/invite @HiveSlack).</source>
        <translation>Channels im Workspace: %1. HiveSlack postet nur dort, wohin es eingeladen wurde (/invite @HiveSlack).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a default channel: cases no rule matches are posted there.</source>
        <translation>Wählen Sie einen Standard-Channel: Fälle, auf die keine Regel zutrifft, werden dort gepostet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rules were not saved: %1</source>
        <translation>Die Regeln wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The bridge restarts and routes new cases with these rules.</source>
        <translation>Gespeichert. Die Bridge startet neu und leitet neue Fälle nach diesen Regeln weiter.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Posting a test message to %1…</source>
        <translation>Testnachricht wird in %1 gepostet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Posted to %1: HiveSlack can post there.</source>
        <translation>In %1 gepostet: HiveSlack kann dort posten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not post to %1: %2.</source>
        <translation>Posten in %1 nicht möglich: %2.</translation>
    </message>
</context>
<context>
    <name>Console::CodeBox</name>
    <message>
        <location filename="../ui/codebox.cpp" line="+16"/>
        <location line="+28"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Copy the whole text to the clipboard</source>
        <translation>Den ganzen Text in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Console::ConnectionsPage</name>
    <message>
        <location filename="../ui/connectionspage.cpp" line="+40"/>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an http:// or https:// address</source>
        <translation>muss eine http://- oder https://-Adresse sein</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>TheHive</source>
        <translation>TheHive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive &amp;URL:</source>
        <translation>TheHive-&amp;URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;I URL:</source>
        <translation>U&amp;I-URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same as the TheHive URL</source>
        <translation>wie die TheHive-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the API user&apos;s default organisation</source>
        <translation>Standardorganisation des API-Benutzers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type 5.2 or 4.1, or leave empty to detect</source>
        <translation>geben Sie 5.2 oder 4.1 ein oder lassen Sie das Feld leer, um sie zu erkennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>detect</source>
        <translation>automatisch erkennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;API key:</source>
        <translation>API-Schl&amp;üssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gen&amp;erate</source>
        <translation>Gen&amp;erieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a new random webhook secret</source>
        <translation>Ein neues zufälliges Webhook-Secret erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Webhook secret:</source>
        <translation>&amp;Webhook-Secret:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new secret, not saved yet</source>
        <translation>neues Secret, noch nicht gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test TheHive</source>
        <translation>TheHive &amp;testen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the &amp;HiveSlack service account</source>
        <translation>das &amp;Dienstkonto von HiveSlack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>each anal&amp;yst himself, through TheHive&apos;s HTTP header authentication</source>
        <translation>jeder Anal&amp;yst selbst, über die HTTP-Header-Authentifizierung von TheHive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HiveSlack checks each analyst&apos;s TheHive permissions first and records who acted in a case comment on TheHive 5 and in the card&apos;s thread.</source>
        <translation>HiveSlack prüft zuerst die TheHive-Berechtigungen jedes Analysten und hält fest, wer gehandelt hat: in einem Fallkommentar unter TheHive 5 und im Thread der Karte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TheHive checks and audits the analyst itself. TheHive must accept this header only from HiveSlack&apos;s address: anyone else sending it could act as any analyst.</source>
        <translation>TheHive prüft und protokolliert den Analysten selbst. TheHive darf diesen Header nur von der Adresse von HiveSlack annehmen: Wer ihn sonst sendet, könnte als beliebiger Analyst handeln.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Act in TheHive as:</source>
        <translation>In TheHive handeln als:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User hea&amp;der:</source>
        <translation>Benutzer-&amp;Header:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack API U&amp;RL:</source>
        <translation>Slack-API-U&amp;RL:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bot token:</source>
        <translation>&amp;Bot-Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App-level t&amp;oken:</source>
        <translation>App-Level-T&amp;oken:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For Socket Mode (xapp-…, scope connections:write): HiveSlack connects out to Slack, and Slack needs no way in. Without it, Slack calls HiveSlack over HTTP, checked with the signing secret.</source>
        <translation>Für den Socket Mode (xapp-…, Scope connections:write): HiveSlack verbindet sich selbst mit Slack, und Slack braucht keinen Weg herein. Ohne dieses Token ruft Slack HiveSlack über HTTP auf, geprüft mit dem Signing Secret.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sig&amp;ning secret:</source>
        <translation>Sig&amp;ning-Secret:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default &amp;channel:</source>
        <translation>Standard-&amp;Channel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel id, e.g. C0123456789</source>
        <translation>Channel-ID, z. B. C0123456789</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test S&amp;lack</source>
        <translation>S&amp;lack testen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set-up helpers</source>
        <translation>Einrichtungshilfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create the Slac&amp;k app…</source>
        <translation>Slac&amp;k-App anlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set u&amp;p the TheHive webhook…</source>
        <translation>TheHive &amp;anbinden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport configuration…</source>
        <translation>Konfiguration e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport configuration…</source>
        <translation>Konfiguration i&amp;mportieren…</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Settings saved, but not every secret: %1</source>
        <translation>Einstellungen gespeichert, aber nicht alle Secrets: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. Still missing: %1</source>
        <translation>Gespeichert. Es fehlt noch: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The demo keeps running; the bridge uses these settings once it ends.</source>
        <translation>Gespeichert. Die Demo läuft weiter; die Bridge verwendet diese Einstellungen, sobald sie endet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. The bridge restarts with it.</source>
        <translation>Gespeichert. Die Bridge startet damit neu.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Checking TheHive…</source>
        <translation>TheHive wird geprüft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no API key: type it above or save one first</source>
        <translation>kein API-Schlüssel: geben Sie ihn oben ein oder speichern Sie zuerst einen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to TheHive %1 as %2 (%3).</source>
        <translation>Verbunden mit TheHive %1 als %2 (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation: %1.</source>
        <translation>Organisation: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile: %1.</source>
        <translation>Profil: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permissions: %1.</source>
        <translation>Berechtigungen: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: the version is pinned to %1 but TheHive runs %2.</source>
        <translation>Hinweis: Die Version ist auf %1 festgelegt, aber TheHive läuft mit %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking Slack…</source>
        <translation>Slack wird geprüft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bot token: type it above or save one first</source>
        <translation>kein Bot-Token: geben Sie es oben ein oder speichern Sie zuerst eines</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to the Slack workspace %1 (%2) as the bot %3 (%4).</source>
        <translation>Verbunden mit dem Slack-Workspace %1 (%2) als Bot %3 (%4).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported the saved configuration to %1. It holds no secrets: give them to the server through HIVESLACK_*_FILE variables.</source>
        <translation>Die gespeicherte Konfiguration wurde nach %1 exportiert. Sie enthält keine Secrets: Übergeben Sie diese dem Server über HIVESLACK_*_FILE-Variablen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Imported %1. The bridge restarts with it.</source>
        <translation>%1 importiert. Die Bridge startet damit neu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Console::EventChart</name>
    <message>
        <location filename="../ui/eventchart.cpp" line="+19"/>
        <source>Events and errors per minute, last hour</source>
        <translation>Ereignisse und Fehler pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last hour: events %1, errors %2</source>
        <translation>Letzte Stunde: Ereignisse %1, Fehler %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>60 min ago</source>
        <translation>vor 60 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 min</source>
        <translation>30 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>Console::FallbackSecretStore</name>
    <message>
        <location filename="../ui/fallbacksecretstore.cpp" line="+46"/>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
</context>
<context>
    <name>Console::KeychainBanner</name>
    <message>
        <location filename="../ui/keychainbanner.cpp" line="+29"/>
        <source>The keychain is not available (%1), so secrets cannot be saved from here. HiveSlack can read them from files instead: start it with these environment variables, each naming a file that holds one secret and that only HiveSlack&apos;s user can read: %2.</source>
        <translation>Der Schlüsselbund ist nicht verfügbar (%1), daher können Secrets hier nicht gespeichert werden. HiveSlack kann sie stattdessen aus Dateien lesen: Starten Sie es mit diesen Umgebungsvariablen, die jeweils eine Datei nennen, die ein Secret enthält und nur für den Benutzer von HiveSlack lesbar ist: %2.</translation>
    </message>
</context>
<context>
    <name>Console::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+49"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About HiveSlack</source>
        <translation>Ü&amp;ber HiveSlack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About HiveSlack</source>
        <translation>Über HiveSlack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;HiveSlack %1&lt;/h3&gt;&lt;p&gt;Brings TheHive cases into Slack as interactive cards and writes every action taken in Slack back to TheHive.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveSlack %1&lt;/h3&gt;&lt;p&gt;Bringt TheHive-Fälle als interaktive Karten nach Slack und schreibt jede in Slack ausgeführte Aktion zurück nach TheHive.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>HiveSlack (demo)</source>
        <translation>HiveSlack (Demo)</translation>
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
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;span style=&quot;color:#3478f6&quot;&gt;■&lt;/span&gt; events &amp;nbsp; &lt;span style=&quot;color:#d03a2f&quot;&gt;■&lt;/span&gt; errors (failed or retrying)</source>
        <translation>&lt;span style=&quot;color:#3478f6&quot;&gt;■&lt;/span&gt; Ereignisse &amp;nbsp; &lt;span style=&quot;color:#d03a2f&quot;&gt;■&lt;/span&gt; Fehler (fehlgeschlagen oder in Wiederholung)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check &amp;now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show in &amp;Activity</source>
        <translation>In &amp;Aktivität zeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy the TheHive webhook URL</source>
        <translation>TheHive-Webhook-URL kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the Slack interactivity URL</source>
        <translation>Slack-Interaktivitäts-URL kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive webhook URL:</source>
        <translation>TheHive-Webhook-URL:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slack interactivity request URL:</source>
        <translation>Anfrage-URL für Slack-Interaktivität:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slack only calls public HTTPS addresses: put a reverse proxy in front of the bridge and give Slack that address with the same path.</source>
        <translation>Slack ruft nur öffentliche HTTPS-Adressen auf: Stellen Sie einen Reverse-Proxy vor die Bridge und geben Sie Slack dessen Adresse mit demselben Pfad.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TheHive and Slack</source>
        <translation>TheHive und Slack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive:</source>
        <translation>TheHive:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack:</source>
        <translation>Slack:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cards posted or updated:</source>
        <translation>Gepostete oder aktualisierte Karten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack actions applied in TheHive:</source>
        <translation>In TheHive übernommene Slack-Aktionen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures waiting (all time):</source>
        <translation>Wartende Fehlschläge (insgesamt):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for delivery:</source>
        <translation>Warten auf Zustellung:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>cards %1, actions %2, failures %3, pending %4</source>
        <translation>Karten %1, Aktionen %2, Fehlschläge %3, ausstehend %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— (the bridge is not listening)</source>
        <translation>— (die Bridge lauscht nicht)</translation>
    </message>
</context>
<context>
    <name>Console::PeerStatus</name>
    <message>
        <location filename="../ui/peerstatus.cpp" line="+37"/>
        <source>not checked: the bridge is not running</source>
        <translation>nicht geprüft: die Bridge läuft nicht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>TheHive %1</source>
        <translation>TheHive %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reachable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>workspace %1 as @%2</source>
        <translation>Workspace %1 als @%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slack refused the bot token (%1): store the token from the app&apos;s OAuth page</source>
        <translation>Slack hat das Bot-Token abgelehnt (%1): speichern Sie das Token von der OAuth-Seite der App</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bot token no longer works (%1): reinstall the app and store the new token</source>
        <translation>das Bot-Token funktioniert nicht mehr (%1): installieren Sie die App neu und speichern Sie das neue Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack asks to slow down (rate limited); the check runs again in a minute</source>
        <translation>Slack bittet um weniger Anfragen (Rate Limit); die Prüfung läuft in einer Minute erneut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack answered: %1</source>
        <translation>Slack antwortete: %1</translation>
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
        <translation>Regel %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The rule “%1” has no channel: pick one, or remove the rule.</source>
        <translation>Die Regel „%1“ hat keinen Channel: Wählen Sie einen aus oder entfernen Sie die Regel.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+45"/>
        <source>No ceiling</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Post nothing</source>
        <translation>Nichts posten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post a redacted card</source>
        <translation>Geschwärzte Karte posten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (alerts)</source>
        <translation>%1 (Alerts)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+48"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+55"/>
        <source>%1 or above</source>
        <translation>%1 oder höher</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>(no channel)</source>
        <translation>(kein Channel)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>An alert route: it places TheHive alerts, not cases. Its sources, types and batching are set in the configuration file (&quot;kind&quot;: &quot;alert&quot;).</source>
        <translation>Eine Alert-Route: Sie leitet TheHive-Alerts weiter, keine Fälle. Quellen, Typen und Bündelung stehen in der Konfigurationsdatei (&quot;kind&quot;: &quot;alert&quot;).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases this rule matches need a channel to go to.</source>
        <translation>Fälle, auf die diese Regel zutrifft, brauchen einen Ziel-Channel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated; a case matches when it has any of them.</source>
        <translation>Durch Kommas getrennt; ein Fall trifft zu, wenn er mindestens einen davon hat.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
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
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLP ceiling</source>
        <translation>TLP-Obergrenze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Above the ceiling</source>
        <translation>Oberhalb der Obergrenze</translation>
    </message>
</context>
<context>
    <name>Console::SecretField</name>
    <message>
        <location filename="../ui/secretfield.cpp" line="+20"/>
        <source>type to set or replace</source>
        <translation>eingeben zum Setzen oder Ersetzen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored in: %1</source>
        <translation>gespeichert in: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keychain not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read the stored secret: %1</source>
        <translation>das gespeicherte Secret kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Console::SetupHelpers</name>
    <message>
        <location filename="../ui/setuphelpers.cpp" line="+61"/>
        <source>&lt;webhook secret&gt;</source>
        <translation>&lt;Webhook-Secret&gt;</translation>
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
        <translation>In TheHive 5, angemeldet als Administrator der Organisation:

1. Organization → Endpoints → &quot;+&quot; → Webhook
     Name:            HiveSlack
     URL:             %1
     Version:         1
     Authentication:  Bearer
     Token:           %2
   Speichern (Save).

2. Organization → Notifications → &quot;+&quot;
     Name:      HiveSlack
     Trigger:   AnyEvent (HiveSlack ignoriert, was es nicht anzeigt)
     Notifier:  Webhook, Endpoint HiveSlack
     &quot;Send notification to every user&quot;: aus
   Speichern (Save).

3. Legen Sie einen Fall an: Seine Karte erscheint im Standard-Channel in Slack.
</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&lt;API key of an org-admin&gt;</source>
        <translation>&lt;API-Schlüssel eines Org-Admins&gt;</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a HiveSlack configuration: %2 at offset %3</source>
        <translation>%1 ist keine HiveSlack-Konfiguration: %2 an Position %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>Console::SlackAppDialog</name>
    <message>
        <location filename="../ui/slackappdialog.cpp" line="+27"/>
        <source>Create the Slack app</source>
        <translation>Slack-App anlegen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Socket Mode: HiveSlack connects out to Slack; nothing from the internet reaches it (recommended)</source>
        <translation>&amp;Socket Mode: HiveSlack verbindet sich selbst mit Slack; nichts aus dem Internet erreicht es (empfohlen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;HTTP: Slack calls HiveSlack at a public HTTPS address</source>
        <translation>&amp;HTTP: Slack ruft HiveSlack unter einer öffentlichen HTTPS-Adresse auf</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At api.slack.com/apps choose &quot;Create New App&quot;, then &quot;From an app manifest&quot;, pick the workspace and paste this manifest. Install the app to the workspace, then copy its Bot User OAuth Token (OAuth &amp; Permissions) into Connections, and either an app-level token with the connections:write scope (Basic Information → App-Level Tokens; Socket Mode) or the Signing Secret (Basic Information; HTTP).</source>
        <translation>Wählen Sie auf api.slack.com/apps „Create New App“ und dann „From an app manifest“, wählen Sie den Workspace und fügen Sie dieses Manifest ein. Installieren Sie die App im Workspace und kopieren Sie dann ihr Bot User OAuth Token (OAuth &amp; Permissions) in die Verbindungen, dazu entweder ein App-Level-Token mit dem Scope connections:write (Basic Information → App-Level Tokens; Socket Mode) oder das Signing Secret (Basic Information; HTTP).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Slack reaches HiveSlack by:</source>
        <translation>Slack erreicht HiveSlack über:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Public base URL:</source>
        <translation>Öffentliche &amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Slack will send button clicks over the connection HiveSlack opens with the app-level token.</source>
        <translation>Slack sendet Klicks über die Verbindung, die HiveSlack mit dem App-Level-Token öffnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the address at which Slack reaches this bridge, starting with https://.</source>
        <translation>Geben Sie die Adresse ein, unter der Slack diese Bridge erreicht, beginnend mit https://.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slack will send button clicks to %1.</source>
        <translation>Slack sendet Klicks auf Schaltflächen an %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack only sends to https addresses reachable from the internet: put the bridge behind a reverse proxy with a certificate and type that proxy&apos;s address here.</source>
        <translation>Slack sendet nur an https-Adressen, die aus dem Internet erreichbar sind: Stellen Sie die Bridge hinter einen Reverse-Proxy mit Zertifikat und geben Sie hier dessen Adresse ein.</translation>
    </message>
</context>
<context>
    <name>Console::StateBanner</name>
    <message>
        <location filename="../ui/statebanner.cpp" line="+31"/>
        <source>Try the &amp;demo</source>
        <translation>De&amp;mo ausprobieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <location line="+15"/>
        <source>&amp;Configure…</source>
        <translation>&amp;Einrichten…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>HiveSlack is not set up yet</source>
        <translation>HiveSlack ist noch nicht eingerichtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the demo to watch sample cases travel through a simulated TheHive and Slack workspace, or configure the connections to your own. Missing now: %1</source>
        <translation>Probieren Sie die Demo aus, um Beispielfälle durch ein simuliertes TheHive und einen simulierten Slack-Workspace wandern zu sehen, oder richten Sie die Verbindungen zu Ihren eigenen ein. Derzeit fehlt: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bridge talks to the built-in simulator: a sample case arrives every 5 seconds. Nothing reaches a real TheHive or Slack.</source>
        <translation>Die Bridge spricht mit dem eingebauten Simulator: Alle 5 Sekunden kommt ein Beispielfall an. Nichts erreicht ein echtes TheHive oder Slack.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop the demo</source>
        <translation>Demo &amp;beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Configure for real…</source>
        <translation>Für den Echtbetrieb &amp;einrichten…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bridge is not running</source>
        <translation>Die Bridge läuft nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Try again</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The demo could not start: %1</source>
        <translation>Die Demo konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>Console::TheHiveSetupDialog</name>
    <message>
        <location filename="../ui/thehivesetupdialog.cpp" line="+37"/>
        <location line="+61"/>
        <source>&amp;Show secret</source>
        <translation>Secret &amp;anzeigen</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Connect TheHive</source>
        <translation>TheHive anbinden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Bridge address as TheHive reaches it:</source>
        <translation>&amp;Bridge-Adresse, wie TheHive sie erreicht:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webhook URL:</source>
        <translation>Webhook-URL:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Webhook secret:</source>
        <translation>Webhook-Secret:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add this endpoint to TheHive&apos;s application.conf (usually /etc/thehive/application.conf) and restart TheHive:</source>
        <translation>Fügen Sie diesen Endpoint in die application.conf von TheHive ein (meist /etc/thehive/application.conf) und starten Sie TheHive neu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Then turn the webhook on for each organisation whose cases go to Slack, with the API key of an administrator of that organisation:</source>
        <translation>Aktivieren Sie dann den Webhook für jede Organisation, deren Fälle nach Slack gehen, mit dem API-Schlüssel eines Administrators dieser Organisation:</translation>
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
        <translation>Secret wird gelesen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Hide secret</source>
        <translation>Secret &amp;verbergen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No webhook secret is stored yet: generate one in Connections and save.</source>
        <translation>Es ist noch kein Webhook-Secret gespeichert: Erzeugen Sie eines unter Verbindungen und speichern Sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the webhook secret: %1</source>
        <translation>Das Webhook-Secret kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>type an http:// or https:// address</source>
        <translation>geben Sie eine http://- oder https://-Adresse ein</translation>
    </message>
</context>
<context>
    <name>Console::TrayIcon</name>
    <message>
        <location filename="../ui/trayicon.cpp" line="+27"/>
        <source>&amp;Show HiveSlack</source>
        <translation>HiveSlack &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>HiveSlack</source>
        <translation>HiveSlack</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HiveSlack keeps running</source>
        <translation>HiveSlack läuft weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bridge keeps delivering in the background. Use the tray icon to open the console again or to quit.</source>
        <translation>Die Bridge stellt im Hintergrund weiter zu. Über das Symbol im Infobereich öffnen Sie die Konsole wieder oder beenden das Programm.</translation>
    </message>
</context>
<context>
    <name>Console::UsersModel</name>
    <message>
        <location filename="../ui/usersmodel.cpp" line="+204"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <location line="+23"/>
        <location line="+49"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>matched</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no TheHive user</source>
        <translation>kein TheHive-Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>override</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set by hand: %1 acts in TheHive as %2, whatever the email says.</source>
        <translation>Von Hand gesetzt: %1 handelt in TheHive als %2, unabhängig von der E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found by email: the TheHive account %1 is active.</source>
        <translation>Über die E-Mail-Adresse gefunden: Das TheHive-Konto %1 ist aktiv.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slack does not share this user&apos;s email (the app needs the users:read.email permission), so no TheHive account can be found.</source>
        <translation>Slack gibt die E-Mail-Adresse dieses Benutzers nicht weiter (die App braucht die Berechtigung users:read.email), daher lässt sich kein TheHive-Konto finden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active TheHive account found for %1.</source>
        <translation>Kein aktives TheHive-Konto für %1 gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>(not shared by Slack)</source>
        <translation>(von Slack nicht weitergegeben)</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>severity</source>
        <translation>Schweregrad</translation>
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
        <translation>zuweisen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reopen</source>
        <translation>wieder öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new cases</source>
        <translation>neue Fälle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>promote alerts</source>
        <translation>Alerts zu Fällen machen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>merge alerts</source>
        <translation>Alerts zusammenführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ignore alerts</source>
        <translation>Alerts ignorieren</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>cannot read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This profile has no TheHive permissions.</source>
        <translation>Dieses Profil hat keine TheHive-Berechtigungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive permissions: %1</source>
        <translation>TheHive-Berechtigungen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>everything HiveSlack offers</source>
        <translation>alles, was HiveSlack anbietet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing (read-only)</source>
        <translation>nichts (nur lesen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everything but %1</source>
        <translation>alles außer %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 needs %2</source>
        <translation>%1 braucht %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not allowed by the TheHive profile: %1.</source>
        <translation>Vom TheHive-Profil nicht erlaubt: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>On the allow-list.</source>
        <translation>Steht auf der Zulassungsliste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed as a member of the user group %1.</source>
        <translation>Erlaubt als Mitglied der Benutzergruppe %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slack did not list the user group %1 (%2): it allows nobody.</source>
        <translation>Slack hat die Benutzergruppe %1 nicht aufgelistet (%2): Sie erlaubt niemanden.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Slack user</source>
        <translation>Slack-Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive user</source>
        <translation>TheHive-Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TheHive profile</source>
        <translation>TheHive-Profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May do</source>
        <translation>Erlaubte Aktionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May act</source>
        <translation>Darf handeln</translation>
    </message>
</context>
<context>
    <name>Console::UsersPage</name>
    <message>
        <location filename="../ui/userspage.cpp" line="+61"/>
        <source>&amp;Reload users</source>
        <translation>Benutzer &amp;neu laden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name, email or TheHive user</source>
        <translation>Name, E-Mail oder TheHive-Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fil&amp;ter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Type the TheHive login this user should act as.</source>
        <translation>Geben Sie das TheHive-Login ein, als das dieser Benutzer handeln soll.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Selected user</source>
        <translation>Ausgewählter Benutzer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks this user up again: Slack email, then the TheHive account and its profile.</source>
        <translation>Sucht diesen Benutzer erneut: E-Mail-Adresse in Slack, dann das TheHive-Konto und sein Profil.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. alice@soc.example</source>
        <translation>z. B. alice@soc.example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;override</source>
        <translation>Zuordnung &amp;setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cl&amp;ear override</source>
        <translation>Zuordnung &amp;entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An override makes HiveSlack act as this TheHive user whatever the emails say: use it when the Slack and TheHive emails differ.</source>
        <translation>Mit einer manuellen Zuordnung handelt HiveSlack als dieser TheHive-Benutzer, unabhängig von den E-Mail-Adressen: Verwenden Sie sie, wenn sich die E-Mail-Adressen in Slack und TheHive unterscheiden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TheHive &amp;login:</source>
        <translation>TheHive-&amp;Login:</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Slack did not list the members: the Slack app lacks the users:read permission. Reinstall it from the generated manifest.</source>
        <translation>Slack hat die Mitglieder nicht aufgelistet: Der Slack-App fehlt die Berechtigung users:read. Installieren Sie sie aus dem erzeugten Manifest neu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slack did not list the members: %1</source>
        <translation>Slack hat die Mitglieder nicht aufgelistet: %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The bridge is starting…</source>
        <translation>Die Bridge startet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users are looked up by the running bridge, which is not running: %1</source>
        <translation>Benutzer werden von der laufenden Bridge gesucht, doch sie läuft nicht: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listing the Slack workspace members…</source>
        <translation>Mitglieder des Slack-Workspace werden aufgelistet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Matching with TheHive: %1 of %2…</source>
        <translation>Abgleich mit TheHive: %1 von %2…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slack users: %1. Matched: %2, no TheHive user: %3, override: %4.</source>
        <translation>Slack-Benutzer: %1. Zugeordnet: %2, ohne TheHive-Benutzer: %3, manuell: %4.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select a user to check them or set an override.</source>
        <translation>Wählen Sie einen Benutzer, um ihn zu prüfen oder eine manuelle Zuordnung zu setzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (Slack id %2): %3</source>
        <translation>%1 (Slack-ID %2): %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TheHive profile: %1</source>
        <translation>TheHive-Profil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May do: %1</source>
        <translation>Erlaubte Aktionen: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The override was not saved: %1</source>
        <translation>Die manuelle Zuordnung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Override removed: %1 is matched by email again.</source>
        <translation>Manuelle Zuordnung entfernt: %1 wird wieder über die E-Mail-Adresse zugeordnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: %1 acts in TheHive as %2.</source>
        <translation>Gespeichert: %1 handelt in TheHive als %2.</translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <location filename="../ui/eventsummary.cpp" line="+24"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 created</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>card refreshed</source>
        <translation>Karte aktualisiert</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>close case</source>
        <translation>Fall schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submit form %1</source>
        <translation>Formular %1 absenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set severity</source>
        <translation>Schweregrad setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set TLP</source>
        <translation>TLP setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set PAP</source>
        <translation>PAP setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assign</source>
        <translation>zuweisen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assign to me</source>
        <translation>mir zuweisen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the add-task form</source>
        <translation>Formular „Aufgabe hinzufügen“ öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the close form</source>
        <translation>Formular „Fall schließen“ öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reopen</source>
        <translation>wieder öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open in TheHive</source>
        <translation>in TheHive öffnen</translation>
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
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>HostStatus</name>
    <message>
        <location filename="../ui/hoststatus.cpp" line="+26"/>
        <source>Demo: listening on %1, talking to the built-in simulator</source>
        <translation>Demo: lauscht auf %1, spricht mit dem eingebauten Simulator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running: listening on %1</source>
        <translation>Läuft: lauscht auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting: %1</source>
        <translation>Startet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not configured: %1</source>
        <translation>Nicht eingerichtet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not running: %1</source>
        <translation>Läuft nicht: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 — failures waiting: %2</source>
        <translation>%1 — wartende Fehler: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../bridge/secrets/keychainsecretstore.cpp" line="-77"/>
        <source>not in the keychain</source>
        <translation>nicht im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the keychain did not answer within %1 s (is it locked?)</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet (ist er gesperrt?)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/commandline.cpp" line="+11"/>
        <source>HiveSlack brings TheHive cases into Slack as interactive cards and writes every action back to TheHive.</source>
        <translation>HiveSlack bringt TheHive-Fälle als interaktive Karten nach Slack und schreibt jede Aktion zurück nach TheHive.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the bridge without a window (servers).</source>
        <translation>Die Bridge ohne Fenster ausführen (Server).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run against the built-in TheHive and Slack simulator, with sample cases.</source>
        <translation>Mit dem eingebauten TheHive- und Slack-Simulator und Beispielfällen ausführen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read settings from this JSON file; HIVESLACK_* environment variables override it.</source>
        <translation>Einstellungen aus dieser JSON-Datei lesen; HIVESLACK_*-Umgebungsvariablen haben Vorrang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For manifest: the public https:// address Slack calls when no app-level token is set.</source>
        <translation>Für manifest: die öffentliche https://-Adresse, die Slack aufruft, wenn kein App-Level-Token gesetzt ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For events list: only events in this state (pending, delivered, failed, ignored, discarded).</source>
        <translation>Für events list: nur Ereignisse in diesem Zustand (pending, delivered, failed, ignored, discarded).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For events list: a JSON array instead of lines.</source>
        <translation>Für events list: ein JSON-Array statt Zeilen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>manifest: print the Slack app manifest for this configuration (JSON). events list | show ID | retry ID | discard ID: the bridge&apos;s journal, safe while it runs. check: test the connections to TheHive and Slack.</source>
        <translation>manifest: das Slack-App-Manifest für diese Konfiguration ausgeben (JSON). events list | show ID | retry ID | discard ID: das Journal der Bridge, auch während sie läuft. check: die Verbindungen zu TheHive und Slack testen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Environment: HIVESLACK_LISTEN, HIVESLACK_DATA_DIR, HIVESLACK_THEHIVE_URL, HIVESLACK_THEHIVE_API_KEY, HIVESLACK_THEHIVE_WEBHOOK_SECRET, HIVESLACK_THEHIVE_ACT_AS, HIVESLACK_THEHIVE_USER_HEADER, HIVESLACK_RECONCILE_SECONDS (default 60; 0 never looks back), HIVESLACK_SLACK_API_URL, HIVESLACK_SLACK_BOT_TOKEN, HIVESLACK_SLACK_APP_TOKEN, HIVESLACK_SLACK_SIGNING_SECRET, HIVESLACK_SLACK_CHANNEL, HIVESLACK_JOURNAL_RETENTION_DAYS (default 30; 0 keeps everything); every secret also as &lt;NAME&gt;_FILE.
</source>
        <translation>
Umgebung: HIVESLACK_LISTEN, HIVESLACK_DATA_DIR, HIVESLACK_THEHIVE_URL, HIVESLACK_THEHIVE_API_KEY, HIVESLACK_THEHIVE_WEBHOOK_SECRET, HIVESLACK_THEHIVE_ACT_AS, HIVESLACK_THEHIVE_USER_HEADER, HIVESLACK_RECONCILE_SECONDS (Standard 60; 0 schaut nie zurück), HIVESLACK_SLACK_API_URL, HIVESLACK_SLACK_BOT_TOKEN, HIVESLACK_SLACK_APP_TOKEN, HIVESLACK_SLACK_SIGNING_SECRET, HIVESLACK_SLACK_CHANNEL, HIVESLACK_JOURNAL_RETENTION_DAYS (Standard 30; 0 behält alles); jedes Secret auch als &lt;NAME&gt;_FILE.
</translation>
    </message>
</context>
</TS>
