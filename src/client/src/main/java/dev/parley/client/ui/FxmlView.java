package dev.parley.client.ui;

/** Every FXML file of the app, named once. */
public enum FxmlView {
    LOGIN("login/LoginView.fxml"),
    SERVER_TRUST("login/ServerTrustView.fxml"),
    MAIN("main/MainView.fxml"),
    CONVERSATIONS("conversations/ConversationListView.fxml"),
    CHAT("chat/ChatView.fxml"),
    OPEN_LINK("chat/OpenLinkView.fxml"),
    NEW_MESSAGE("newmessage/NewMessageView.fxml"),
    STARTING("main/StartingView.fxml"),
    PRIVACY("privacy/PrivacyView.fxml"),
    REPORT("report/ReportView.fxml"),
    EDIT_PROFILE("profile/EditProfileView.fxml"),
    PROFILE_CARD("profile/ProfileCardView.fxml"),
    FIND_PEOPLE("people/FindPeopleView.fxml"),
    ATTACH("attach/AttachView.fxml"),
    NEW_GROUP("groups/NewGroupView.fxml"),
    GROUP_MEMBERS("groups/GroupMembersView.fxml"),
    ADD_PEOPLE("groups/AddPeopleView.fxml"),
    EDIT_GROUP("groups/EditGroupView.fxml"),
    EMOJI_PICKER("emoji/EmojiPickerView.fxml"),
    NEW_POLL("polls/NewPollView.fxml"),
    SCHEDULE("schedule/ScheduleView.fxml"),
    SCHEDULED_LIST("schedule/ScheduledListView.fxml"),
    QUICK_REPLIES("quickreply/QuickRepliesView.fxml"),
    CONTACT_FIELDS("quickreply/ContactFieldsView.fxml"),
    EXPORT("export/ExportView.fxml"),
    MESSAGE_SEARCH("search/MessageSearchView.fxml"),
    INSIGHTS("insights/InsightsView.fxml"),
    SETTINGS("settings/SettingsView.fxml"),
    SETTINGS_ACCOUNT("settings/AccountSettingsView.fxml"),
    SETTINGS_PRIVACY("settings/PrivacySettingsView.fxml"),
    SETTINGS_TRUSTED_SERVERS("settings/TrustedServersSettingsView.fxml"),
    SETTINGS_NOTIFICATIONS("settings/NotificationsSettingsView.fxml"),
    SETTINGS_APPEARANCE("settings/AppearanceSettingsView.fxml"),
    SETTINGS_MEDIA("settings/MediaSettingsView.fxml"),
    SETTINGS_SHORTCUTS("settings/ShortcutsSettingsView.fxml"),
    CONTACT_PANEL("outreach/ContactPanelView.fxml"),
    SEGMENT("outreach/SegmentView.fxml"),
    BROADCASTS("outreach/BroadcastsView.fxml"),
    OFFER("offers/OfferView.fxml"),
    PROPOSAL("offers/ProposalView.fxml"),
    PROPOSALS("offers/ProposalsView.fxml");

    private final String path;

    FxmlView(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
