"""Tests of the whole instance rather than of one app: production mode and backups. They sit
above the apps' layers, so they may use any app's models and factories."""
